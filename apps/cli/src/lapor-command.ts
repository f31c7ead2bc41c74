import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { call, loginFromEnv, refusal, type ApiIo } from './api-client';

export const LAPOR_HELP = `Usage: sop lapor import <file> --sop <id> --api <url> [--format csv|json]

  import <file>   send a batch of reports exported from SP4N-LAPOR! (CSV with a header row, or JSON)
                  to a running server: each report becomes a case on the SOP's LAPOR! channel. The
                  whole batch is checked first: any bad row refuses it (nothing is written) and the
                  rows at fault are listed. A tracking id imported before is skipped.
  --sop <id>      the regency's SOP id (e.g. metro)
  --api <url>     the running server (e.g. http://localhost:3000)
  --format        csv or json; by default from the file's extension

Log in with SOP_USERNAME and SOP_PASSWORD: the regency's administrator, or an officer of the lane
that receives LAPOR! reports. Exit status: 0 imported, 1 refused by the server, 2 wrong usage,
unreadable file or unreachable server.`;

export type LaporIo = ApiIo;

/**
 * `sop lapor import <file> --sop <id> --api <url>`: imports a LAPOR! export into a running server.
 *
 * @example
 * await runLaporCommand(['import', 'lapor-desember.csv', '--sop', 'metro', '--api', 'http://localhost:3000'], io);
 */
export async function runLaporCommand(args: string[], io: LaporIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, api: { type: 'string' }, sop: { type: 'string' }, format: { type: 'string' } },
      strict: true,
    });
  } catch (e) {
    io.stderr(`sop lapor: ${(e as Error).message}\n\n${LAPOR_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, file, ...extra] = positionals;
  if (values.help || !action) {
    (values.help ? io.stdout : io.stderr)(LAPOR_HELP);
    return values.help ? 0 : 2;
  }
  if (action !== 'import' || !file || extra.length) {
    io.stderr(`sop lapor: expected "import <file>"\n\n${LAPOR_HELP}`);
    return 2;
  }
  if (!values.api) return (io.stderr('sop lapor import: --api <url> is required (the running server, e.g. http://localhost:3000)'), 2);
  if (!values.sop || !/^[a-z][a-z0-9-]{0,63}$/.test(values.sop)) return (io.stderr('sop lapor import: --sop <id> is required: the SOP id, e.g. metro'), 2);
  const format = values.format ?? (extname(file).toLowerCase() === '.json' ? 'json' : extname(file).toLowerCase() === '.csv' ? 'csv' : undefined);
  if (format !== 'csv' && format !== 'json')
    return (io.stderr(`sop lapor import: say --format csv or --format json (the file "${file}" does not end in .csv or .json)`), 2);
  let content: string;
  try {
    content = io.readFile(file);
  } catch (e) {
    io.stderr(`sop lapor import: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const login = await loginFromEnv(io, values.api, 'sop lapor import');
  if ('code' in login) return login.code;
  const r = await call(io, values.api, 'POST', `/api/lapor/${values.sop}/imports`, { format, content }, login.token);
  if (typeof r === 'string') return (io.stderr(`sop lapor import: ${r}`), 2);
  if (r.status !== 200) return (io.stderr(`sop lapor import: ${refusal(r)}`), 1);
  const body = r.body as {
    imported: number;
    skipped: number;
    rows: { row: number; trackingId: string; result: string; ticket: string | null; reason?: string }[];
  };
  for (const row of body.rows)
    io.stdout(`${file}: row ${row.row}: ${row.trackingId}: ${row.result}${row.ticket ? ` ${row.ticket}` : ''}${row.reason ? ` (${row.reason})` : ''}`);
  io.stdout(`${body.imported} imported, ${body.skipped} skipped`);
  return 0;
}
