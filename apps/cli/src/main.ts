import { readFileSync } from 'node:fs';
import { runCli } from './run-cli';

process.exitCode = runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  readFile: (path) => readFileSync(path, 'utf8'),
});
