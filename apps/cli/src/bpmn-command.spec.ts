import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runExportCommand, runImportCommand } from './bpmn-command';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from './run-cli';

const root = join(__dirname, '../../..');
const camunda = join(root, 'libs/sop-bpmn/src/__fixtures__/camunda-modeler.bpmn');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sop-bpmn-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      readFile: (p: string) => readFileSync(p, 'utf8'),
      writeFile: (p: string, t: string) => writeFileSync(p, t, 'utf8'),
    },
  };
}

describe('sop export --format bpmn', () => {
  it('prints the SOP as BPMN 2.0 XML, or writes it with --output, and says what the file leaves out', async () => {
    const a = io();
    expect(await runExportCommand(['--format', 'bpmn', join(root, 'sops/brebes.yaml')], a.io)).toBe(EXIT_OK);
    expect(a.out.join('\n')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<bpmn:definitions /);
    expect(a.out.join('\n')).toContain('<bpmn:lane id="Lane_bidang-teknis"');
    expect(a.err.join('\n')).toMatch(/note: the periodic procedure "rekap-harian" .* is not in the BPMN file/);
    const file = join(dir, 'metro.bpmn');
    const b = io();
    expect(await runExportCommand(['--format', 'bpmn', join(root, 'sops/metro.yaml'), '--output', file], b.io)).toBe(EXIT_OK);
    expect(b.out).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('<bpmn:participant id="Participant_metro"');
  });

  it('refuses wrong usage with exit 2 and an invalid SOP with its located issues and exit 1', async () => {
    const none = io();
    expect(await runExportCommand([join(root, 'sops/metro.yaml')], none.io)).toBe(EXIT_USAGE);
    expect(none.err[0]).toMatch(/^sop export: give --format bpmn/);
    const pdf = io();
    expect(await runExportCommand(['--format', 'pdf', join(root, 'sops/metro.yaml')], pdf.io)).toBe(EXIT_USAGE);
    expect(pdf.err[0]).toMatch(/--format "pdf" is not known; the format is bpmn/);
    const missing = io();
    expect(await runExportCommand(['--format', 'bpmn', join(root, 'sops/atlantis.yaml')], missing.io)).toBe(EXIT_USAGE);
    expect(missing.err[0]).toMatch(/cannot read .*atlantis.yaml: no such file/);
    const invalid = io();
    const fixture = join(root, 'libs/sop-model/src/__fixtures__/invalid/next-to-unknown-step.yaml');
    expect(await runExportCommand(['--format', 'bpmn', fixture], invalid.io)).toBe(EXIT_INVALID);
    expect(invalid.err[0]).toMatch(/next-to-unknown-step\.yaml:\d+:\d+: error: /);
    expect(invalid.out).toEqual([]);
  });
});

describe('sop import --from bpmn', () => {
  it('drafts an SOP from a Camunda Modeler file, lists what it inferred or could not map, and exactly what remains to fill', async () => {
    const a = io();
    expect(await runImportCommand(['--from', 'bpmn', camunda], a.io)).toBe(EXIT_INVALID);
    const yaml = a.out.join('\n');
    expect(yaml).toContain('# not mapped: BPMN has no Output');
    expect(yaml).toContain('# inferred: the role kasi is recognised');
    const err = a.err.join('\n');
    expect(err).toContain(`${camunda}: warning: not mapped: TextAnnotation_0note: the annotation "Lihat Maklumat Pelayanan" is not kept`);
    expect(err).toContain(`${camunda}: warning: inferred: Event_0batas: Waktu 3 hari from the timer's P3D`);
    const toFill = a.err.slice(a.err.findIndex((l) => l.startsWith('the draft does not validate yet')) + 1);
    expect(toFill.map((l) => /\((\/[^)]+)\)$/.exec(l)?.[1])).toEqual(['/identity/government', '/identity/regency', '/identity/office', '/calendar/timeZone']);
  });

  it('with the identity and time zone given, writes a draft that "sop validate" accepts', async () => {
    const draft = join(dir, 'contoh.yaml');
    const a = io();
    const code = await runImportCommand(
      [
        '--from',
        'bpmn',
        camunda,
        '-o',
        draft,
        '--government',
        'PEMERINTAH KABUPATEN CONTOH',
        '--regency',
        'Kabupaten Contoh',
        '--office',
        'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
        '--time-zone',
        'Asia/Makassar',
      ],
      a.io,
    );
    expect(code).toBe(EXIT_OK);
    expect(a.err[a.err.length - 1]).toMatch(/contoh\.yaml validates/);
    const check = io();
    expect(runCli(['validate', draft], check.io)).toBe(EXIT_OK);
    expect(readFileSync(draft, 'utf8')).toContain('timeZone: Asia/Makassar');
  });

  it('brings an exported SOP back whole enough to validate', async () => {
    const bpmn = join(dir, 'pekanbaru.bpmn');
    const back = join(dir, 'pekanbaru.yaml');
    expect(await runExportCommand(['--format', 'bpmn', join(root, 'sops/pekanbaru.yaml'), '-o', bpmn], io().io)).toBe(EXIT_OK);
    const a = io();
    expect(await runImportCommand(['--from', 'bpmn', bpmn, '-o', back], a.io)).toBe(EXIT_OK);
    expect(a.err.filter((l) => l.includes(': warning: '))).toEqual([]);
    expect(runCli(['validate', back], io().io)).toBe(EXIT_OK);
  });

  it('refuses a file that is not BPMN, an unknown format and a time zone that is not Indonesian, with exit 2', async () => {
    const yaml = io();
    expect(await runImportCommand(['--from', 'bpmn', join(root, 'sops/metro.yaml')], yaml.io)).toBe(EXIT_USAGE);
    expect(yaml.err[0]).toMatch(/metro\.yaml: not a BPMN 2\.0 file/);
    expect(yaml.out).toEqual([]);
    const format = io();
    expect(await runImportCommand(['--from', 'visio', camunda], format.io)).toBe(EXIT_USAGE);
    expect(format.err[0]).toMatch(/--from "visio" is not known/);
    const zone = io();
    expect(await runImportCommand(['--from', 'bpmn', camunda, '--time-zone', 'Europe/Berlin'], zone.io)).toBe(EXIT_USAGE);
    expect(zone.err[0]).toMatch(/--time-zone "Europe\/Berlin" is not an Indonesian zone/);
  });

  it('runs as the built `sop` command', () => {
    const r = spawnSync(process.execPath, [join(root, 'apps/cli/bin/sop.js'), 'export', '--format', 'bpmn', join(root, 'sops/lumajang.yaml')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(EXIT_OK);
    expect(r.stdout).toContain('<bpmn:collaboration id="Collaboration_lumajang">');
  });
});
