import { parseArgs } from 'node:util';
import { BpmnReadError, exportBpmn, importBpmn, type BpmnImportOptions } from '@sop/bpmn';
import { formatIssue, validateSop } from '@sop/model';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, sopIdOf, type CliIo } from './run-cli';

/** The commands' I/O: the `sop` command's, and writing a file (`--output`). */
export interface BpmnCliIo extends CliIo {
  writeFile: (path: string, text: string) => void;
}

/** The largest BPMN file `sop import` reads (a drawn SOP is tens of kilobytes). */
const MAX_BPMN_CHARS = 5_000_000;
const TIME_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export const EXPORT_HELP = `Usage: sop export --format bpmn <file> [--output <file.bpmn>]

Writes the SOP's per-complaint flow as BPMN 2.0 XML (to stdout, or --output): one participant with a
lane per Pelaksana, start and end events, user tasks, exclusive gateways with named flows, timer
boundary events for the Waktu (ISO 8601; "hari kerja" in documentation and sop:basis), escalation and
rejection flows, and the diagram laid out as our swimlane flowchart. It opens in Camunda Modeler and
bpmn.io. What BPMN has no place for is kept in attributes of our namespace (docs/bpmn.md).
Exit status 1 (with the issues) when the SOP is invalid, 2 on wrong usage or an unreadable file.`;

export const IMPORT_HELP = `Usage: sop import --from bpmn <file.bpmn> [--output <draft.yaml>]
                  [--government <text>] [--regency <text>] [--office <text>] [--time-zone <zone>]

Drafts an SOP (YAML, to stdout or --output) from a BPMN 2.0 file: its lanes, tasks, events, exclusive
gateways (with their named flows as outcomes) and timers (as the Waktu). What had to be inferred is
marked "# inferred:" and what the file does not hold "# not mapped:" in the YAML, and both are listed
on stderr; values BPMN does not hold (the Mutu Baku, the step numbers) stay null, never guessed. The
identity and the time zone are not in a BPMN file: give them with the options, or fill them in.
The draft is checked like "sop validate"; what remains to fill is listed.
Exit status 0 when the draft validates, 1 when something remains to fill, 2 on wrong usage or a file
that is not BPMN 2.0.`;

function usageError(command: string, e: unknown, help: string, io: CliIo): number {
  io.stderr(`sop ${command}: ${(e as Error).message}\n\n${help}`);
  return EXIT_USAGE;
}

function read(path: string, io: CliIo): string | null {
  try {
    return io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(`sop: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`);
    return null;
  }
}

function write(path: string | undefined, text: string, io: BpmnCliIo, command: string): boolean {
  if (path === undefined) {
    io.stdout(text);
    return true;
  }
  try {
    io.writeFile(path, text.endsWith('\n') ? text : `${text}\n`);
    return true;
  } catch (e) {
    io.stderr(`sop ${command}: cannot write ${path}: ${(e as Error).message}`);
    return false;
  }
}

/**
 * `sop export --format bpmn <file>`: the SOP as BPMN 2.0 XML.
 *
 * @example
 * await runExportCommand(['--format', 'bpmn', 'sops/metro.yaml', '--output', 'metro.bpmn'], io);
 */
export async function runExportCommand(argv: string[], io: BpmnCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return usageError('export', e, EXPORT_HELP, io);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(EXPORT_HELP);
    return EXIT_OK;
  }
  if (values.format !== 'bpmn') {
    io.stderr(
      `sop export: ${values.format === undefined ? 'give --format bpmn' : `--format ${JSON.stringify(values.format)} is not known; the format is bpmn`}\n\n${EXPORT_HELP}`,
    );
    return EXIT_USAGE;
  }
  if (positionals.length !== 1) {
    io.stderr(`sop export: expected exactly one SOP file, got ${positionals.length}\n\n${EXPORT_HELP}`);
    return EXIT_USAGE;
  }
  const file = positionals[0];
  const text = read(file, io);
  if (text === null) return EXIT_USAGE;
  const { sop, issues } = validateSop(text, { file });
  if (!sop) {
    for (const issue of issues) io.stderr(formatIssue(issue));
    return EXIT_INVALID;
  }
  const { xml, notes } = await exportBpmn(sop, { id: sopIdOf(file) });
  for (const note of notes) io.stderr(`note: ${note}`);
  return write(values.output, xml, io, 'export') ? EXIT_OK : EXIT_USAGE;
}

/**
 * `sop import --from bpmn <file>`: a draft SOP from a BPMN 2.0 file, with what remains to fill.
 *
 * @example
 * await runImportCommand(['--from', 'bpmn', 'drawn.bpmn', '--time-zone', 'Asia/Makassar'], io);
 */
export async function runImportCommand(argv: string[], io: BpmnCliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        output: { type: 'string', short: 'o' },
        government: { type: 'string' },
        regency: { type: 'string' },
        office: { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return usageError('import', e, IMPORT_HELP, io);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_HELP);
    return EXIT_OK;
  }
  if (values.from !== 'bpmn') {
    io.stderr(
      `sop import: ${values.from === undefined ? 'give --from bpmn' : `--from ${JSON.stringify(values.from)} is not known; the format is bpmn`}\n\n${IMPORT_HELP}`,
    );
    return EXIT_USAGE;
  }
  if (positionals.length !== 1) {
    io.stderr(`sop import: expected exactly one BPMN file, got ${positionals.length}\n\n${IMPORT_HELP}`);
    return EXIT_USAGE;
  }
  const zone = values['time-zone'];
  if (zone !== undefined && !(TIME_ZONES as readonly string[]).includes(zone)) {
    io.stderr(`sop import: --time-zone ${JSON.stringify(zone)} is not an Indonesian zone: write ${TIME_ZONES.join(', ')} (WIB, WIB, WITA, WIT)`);
    return EXIT_USAGE;
  }
  const options: BpmnImportOptions = {};
  for (const key of ['government', 'regency', 'office'] as const) {
    const value = values[key];
    if (value === undefined) continue;
    if (value.trim() === '') {
      io.stderr(`sop import: --${key} is empty`);
      return EXIT_USAGE;
    }
    options[key] = value.trim();
  }
  if (zone !== undefined) options.timeZone = zone as (typeof TIME_ZONES)[number];
  const file = positionals[0];
  const xml = read(file, io);
  if (xml === null) return EXIT_USAGE;
  if (xml.length > MAX_BPMN_CHARS) {
    io.stderr(`sop import: ${file} has ${xml.length} characters; a BPMN file is read up to ${MAX_BPMN_CHARS}`);
    return EXIT_USAGE;
  }
  let result;
  try {
    result = await importBpmn(xml, options);
  } catch (e) {
    if (!(e instanceof BpmnReadError)) throw e;
    io.stderr(`sop import: ${file}: ${e.message}`);
    return EXIT_USAGE;
  }
  for (const n of result.notes) io.stderr(`${file}: warning: ${n.kind}: ${n.element}: ${n.message}`);
  const output = values.output;
  if (!write(output, result.yaml, io, 'import')) return EXIT_USAGE;
  const draft = output ?? 'the draft';
  const errors = result.validation.issues.filter((i) => i.severity === 'error');
  const warnings = result.validation.issues.length - errors.length;
  if (errors.length) {
    io.stderr(`${draft} does not validate yet; fill in (or give the options named):`);
    for (const issue of errors) io.stderr(`  ${formatIssue({ ...issue, file: output ?? '<draft>' })} (${issue.pointer})`);
    return EXIT_INVALID;
  }
  io.stderr(`${draft} validates (${warnings} warning${warnings === 1 ? '' : 's'}: run "sop validate" on it); check the marked lines against the source`);
  return EXIT_OK;
}
