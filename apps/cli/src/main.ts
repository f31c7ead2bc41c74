import { readFileSync, writeFileSync } from 'node:fs';
import { runExportCommand, runImportCommand } from './bpmn-command';
import { runHolidaysCommand } from './holidays-command';
import { runLaporCommand } from './lapor-command';
import { runCli } from './run-cli';
import { runUsersCommand } from './users-command';

const argv = process.argv.slice(2);
const io = {
  stdout: (text: string) => process.stdout.write(text + '\n'),
  stderr: (text: string) => process.stderr.write(text + '\n'),
  readFile: (path: string) => readFileSync(path, 'utf8'),
};

const online = { holidays: runHolidaysCommand, users: runUsersCommand, lapor: runLaporCommand } as const;
const command = argv[0];

if (command === 'export' || command === 'import') {
  // BPMN 2.0 out and in (asynchronous: bpmn-moddle reads and writes XML with promises)
  const run = command === 'export' ? runExportCommand : runImportCommand;
  void run(argv.slice(1), { ...io, writeFile: (path, text) => writeFileSync(path, text, 'utf8') }).then((code) => {
    process.exitCode = code;
  });
} else if (command === 'holidays' || command === 'users' || command === 'lapor') {
  // the commands that may talk to a running server: asynchronous
  void online[command](argv.slice(1), { ...io, env: process.env, fetch: (url, init) => fetch(url, init) }).then((code) => {
    process.exitCode = code;
  });
} else {
  process.exitCode = runCli(argv, io);
}
