// Test support (Node only, excluded from the library build): the one loader of the SOPs in `sops/`
// (the seeds) and of this folder's fixture SOPs, for every spec of the libraries and the apps.
//
// The seeds are real offices' SOPs: golden tests render and compile each of them, and tests that
// speak about one office's SOP name it by id. A test of one behaviour uses a small fixture instead
// (`valid/…` here, or YAML written in the spec) and never depends on how many seeds there are or in
// what order they come.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SopDocument } from '../generated/sop-document';
import { validateSop } from '../validate-sop';

/** The repository's `sops/` folder. */
export const SEEDS_DIR = join(__dirname, '../../../../sops');
/** This folder: `valid/`, `invalid/` and `warnings/` fixture SOPs. */
export const FIXTURES_DIR = __dirname;

/** The ids of the SOPs in `sops/` (file names without `.yaml`), sorted. */
export function seedIds(): string[] {
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** The text of `sops/<id>.yaml`. */
export function seedText(id: string): string {
  return readFileSync(join(SEEDS_DIR, `${id}.yaml`), 'utf8');
}

function validated(text: string, file: string): SopDocument {
  const result = validateSop(text, { file });
  if (!result.sop) throw new Error(`${file} is invalid: ${result.issues.map((i) => i.message).join('; ')}`);
  return result.sop;
}

/** `sops/<id>.yaml`, validated (throws when it is not valid). */
export function loadSeed(id: string): SopDocument {
  return validated(seedText(id), `${id}.yaml`);
}

/** Every SOP of `sops/` as [id, document], sorted by id: for golden tests and "every SOP" checks. */
export function seedSops(): [string, SopDocument][] {
  return seedIds().map((id) => [id, loadSeed(id)]);
}

/** The text of a fixture SOP of this folder, e.g. `valid/minimal.yaml`. */
export function fixtureText(path: string): string {
  return readFileSync(join(FIXTURES_DIR, path), 'utf8');
}

/** A fixture SOP of this folder, validated (throws when it is not valid; warnings are fine). */
export function loadFixture(path: string): SopDocument {
  return validated(fixtureText(path), path);
}

/**
 * citizen-confirms.yaml with its citizen step as a task, as an SOP wrote it: the complainant confirms
 * (COMPLETE: closed) or objects (REJECT: back to the Kasi); when 10 hari kerja pass without an answer,
 * the complaint is archived (ESCALATE to "arsip": the time passing, never the complainant's button).
 * A decision cannot carry an `escalation` jump, hence the task.
 */
export function citizenTaskArchivingYaml(): string {
  const text = fixtureText('valid/citizen-confirms.yaml');
  const from = text.indexOf('  - id: konfirmasi');
  const to = text.indexOf('  - id: kasi-tinjau');
  if (from < 0 || to < from) throw new Error('citizen-confirms.yaml changed: its konfirmasi step is gone');
  const konfirmasi = [
    '  - id: konfirmasi',
    '    number: "3"',
    '    kind: task',
    '    lane: pelapor',
    '    activity: Pelapor menyatakan puas atau tidak puas atas jawaban',
    '    waktu: 10 hari kerja',
    '    output: Berita acara / surat keberatan',
    '    next: selesai',
    '    rejection: { to: kasi-tinjau, label: Tidak puas (keberatan) }',
    '    onTimeout: { action: escalate }',
    '    escalation: { to: arsip, label: Diarsipkan }',
  ];
  const arsip = ['  - id: arsip', '    number: "6"', '    kind: end', '    lane: petugas', '    label: Diarsipkan', '    activity: Pengaduan diarsipkan'];
  return `${text.slice(0, from)}${konfirmasi.join('\n')}\n${text.slice(to).trimEnd()}\n${arsip.join('\n')}\n`;
}
