import { readFileSync } from 'node:fs';
import { runHolidaysCommand } from './holidays-command';
import { runCli } from './run-cli';

const argv = process.argv.slice(2);
const io = {
  stdout: (text: string) => process.stdout.write(text + '\n'),
  stderr: (text: string) => process.stderr.write(text + '\n'),
  readFile: (path: string) => readFileSync(path, 'utf8'),
};

if (argv[0] === 'holidays') {
  // the one command that may talk to a running server: asynchronous
  void runHolidaysCommand(argv.slice(1), { ...io, env: process.env, fetch: (url, init) => fetch(url, init) }).then((code) => {
    process.exitCode = code;
  });
} else {
  process.exitCode = runCli(argv, io);
}
