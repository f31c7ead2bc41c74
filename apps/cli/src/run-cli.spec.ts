import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR, seedIds } from '../../../libs/sop-model/src/__fixtures__/seeds';
import { runCli, EXIT_INVALID, EXIT_OK, EXIT_USAGE } from './run-cli';

const root = join(__dirname, '../../..');
const sopFiles = seedIds().map((id) => join(SEEDS_DIR, `${id}.yaml`));
const invalidDir = join(root, 'libs/sop-model/src/__fixtures__/invalid');

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readFile: (p) => readFileSync(p, 'utf8') });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('sop validate', () => {
  it('accepts every regency SOP in sops/ with exit 0', () => {
    const r = run(['validate', ...sopFiles]);
    expect(r.stdout.split('\n').filter((l) => l.includes(': error:'))).toEqual([]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toMatch(new RegExp(`^${sopFiles.length} berkas diperiksa: 0 galat`));
    expect(run(['validate', ...sopFiles, '--lang', 'en']).stderr).toMatch(new RegExp(`^${sopFiles.length} files checked: 0 errors`));
  });

  it('tells an author in Bahasa Indonesia by default, plain words first and the YAML path after; --lang en in English', () => {
    const file = join(invalidDir, 'next-to-unknown-step.yaml');
    const id = run(['validate', file]);
    expect(id.code).toBe(EXIT_INVALID);
    expect(id.stdout).toBe(
      `${file}:27:11: error: "periksaa" bukan langkah di alur ini (maksudnya "periksa"?); langkah: "laporan", "periksa", "kasi-periksa", "selesai" (di steps[0].next)`,
    );
    expect(id.stderr).toBe('1 berkas diperiksa: 1 galat, 0 peringatan');
    const en = run(['validate', '--lang', 'en', file]);
    expect(en.stdout).toBe(
      `${file}:27:11: error: "periksaa" does not name a step of the per-complaint flow (did you mean "periksa"?); steps: "laporan", "periksa", "kasi-periksa", "selesai" (at steps[0].next)`,
    );
    expect(en.stderr).toBe('1 file checked: 1 error, 0 warnings');
    // compile and inspect print an invalid SOP's issues in the same language
    expect(run(['inspect', file]).stderr).toContain('bukan langkah di alur ini');
    const wrong = run(['validate', '--lang', 'fr', file]);
    expect(wrong.code).toBe(EXIT_USAGE);
    expect(wrong.stderr).toContain('--lang is id (Bahasa Indonesia) or en (English), not "fr"');
  });

  it('exits 1 on each invalid fixture and prints located messages', () => {
    const fixtures = readdirSync(invalidDir).filter((f) => f.endsWith('.yaml'));
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    for (const fixture of fixtures) {
      const file = join(invalidDir, fixture);
      const r = run(['validate', file]);
      expect({ fixture, code: r.code }).toEqual({ fixture, code: EXIT_INVALID });
      const errors = r.stdout.split('\n').filter((l) => l.includes(': error: '));
      expect(errors.length).toBeGreaterThan(0);
      for (const line of errors) expect(line).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: error: .+`));
    }
  });

  it('exits 2 with a message for an unreadable file, and on wrong usage', () => {
    const missing = run(['validate', join(root, 'sops/atlantis.yaml')]);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain('cannot read');
    expect(missing.stderr).toContain('no such file');
    expect(run(['validate']).code).toBe(EXIT_USAGE);
    expect(run(['validate', '--frobnicate', sopFiles[0]]).code).toBe(EXIT_USAGE);
    expect(run(['launch']).stderr).toContain('unknown command "launch"');
    expect(run([]).code).toBe(EXIT_USAGE);
  });

  it('prints help for each command', () => {
    for (const command of ['validate', 'compile', 'inspect', 'diff']) {
      const r = run([command, '--help']);
      expect(r.code).toBe(EXIT_OK);
      expect(r.stdout).toContain(`Usage: sop ${command}`);
    }
  });
});

describe('sop compile', () => {
  it('prints the machine config with states keyed by step id and meta holding lane, time limit and output', () => {
    const r = run(['compile', join(root, 'sops/metro.yaml')]);
    expect(r.code).toBe(EXIT_OK);
    const config = JSON.parse(r.stdout);
    expect(config.id).toBe('metro');
    expect(config.initial).toBe('laporan');
    expect(config.states['kasi-periksa'].meta).toMatchObject({
      lane: 'kasi',
      waktu: '1 hari',
      timeLimit: { amount: 1, unit: 'day' },
      output: 'Buku Laporan Pengaduan dan Laporan Tindak Lanjut Penyelesaian',
    });
    expect(config.states.penyelesaian.type).toBe('final');
  });

  it('refuses an invalid SOP with its issues and exit 1', () => {
    const r = run([
      'compile',
      join(
        invalidDir,
        readdirSync(invalidDir).find((f) => f.endsWith('.yaml'))!,
      ),
    ]);
    expect(r.code).toBe(EXIT_INVALID);
    expect(r.stderr).toMatch(/:\d+:\d+: error: /);
  });
});

describe('sop inspect', () => {
  it('reports Metro: six lanes, the escalation ladder and the worst case of six days, the final row included, plus the lost step', () => {
    const r = run(['inspect', join(root, 'sops/metro.yaml'), '--json']);
    expect(r.code).toBe(EXIT_OK);
    const report = JSON.parse(r.stdout);
    expect(report.lanes.map((l: { id: string }) => l.id)).toEqual(['masyarakat', 'petugas', 'kasi', 'kabid', 'sekretaris', 'kepala-dinas']);
    expect(report.escalationDepth).toBe(4);
    expect(report.worstCase.total.parts).toEqual({ day: 6 });
    expect(report.worstCase.total.unknownSteps).toEqual(['tim-teknis']);
    expect(report.worstCase.end).toBe('penyelesaian');
  });

  it('prints a readable summary', () => {
    const r = run(['inspect', join(root, 'sops/metro.yaml')]);
    expect(r.stdout).toContain('Escalation depth: 4');
    // the summary's lines are English, its times too (the JSON keeps inspectSop's Indonesian text)
    expect(r.stdout).toContain('Worst case: 6 days (+1 step without a known Waktu)  via laporan');
    expect(r.stdout).toMatch(/Best case: {2}1 day {2}via/);
    const caseLines = r.stdout.split('\n').filter((l) => /^(Best|Worst) case:/.test(l));
    expect(caseLines).toHaveLength(2);
    for (const line of caseLines) expect(line).not.toMatch(/langkah|hari|menit|jam/);
  });

  it("shows each lane's role, and the SOP's own description of a role no common role fits", () => {
    const file = join(root, 'libs/sop-model/src/__fixtures__/valid/open-roles.yaml');
    const r = run(['inspect', file]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/^ {2}helpdesk +\[helpdesk\] +1 step +Helpdesk$/m);
    expect(r.stdout).toMatch(/^ {2}pejabat +\[pejabat-berwenang\] +1 step +Pejabat yang berkompeten$/m);
    expect(r.stdout).toMatch(
      /^ {2}koordinator-iso +\[other\] +2 steps +Koordinator ISO {2}\(other role: Koordinator ISO sebagai pengelola risiko pelayanan\)$/m,
    );
    const report = JSON.parse(run(['inspect', file, '--json']).stdout);
    expect(report.lanes.find((l: { id: string }) => l.id === 'inspektorat')).toMatchObject({
      role: 'other',
      roleDescription: expect.stringMatching(/^Aparat pengawas internal/),
    });
    expect(report.lanes.find((l: { id: string }) => l.id === 'ppid')).toMatchObject({ role: 'ppid', roleDescription: null });
  });
});

describe('sop inspect: the service standard and the source gaps (ADR 0011)', () => {
  const fixtures = join(root, 'libs/sop-model/src/__fixtures__');

  it("lists Metro's marks: the inferred outcome labels and escalation on timeout, the channel dll, the lost row 3", () => {
    const r = run(['inspect', join(root, 'sops/metro.yaml')]);
    expect(r.stdout).toContain('Service standard: none printed');
    expect(r.stdout).toContain('Source: complete');
    expect(r.stdout).toContain('Runs cases: yes');
    expect(r.stdout).toMatch(/^ {2}inferred {4}kasi-periksa \(no\. 4\): on timeout: escalate — SOP sumber tidak mencetak aturan bila Waktu terlampaui/m);
    expect(r.stdout).toMatch(/^ {2}inferred {4}kabid-periksa \(no\. 5\): outcome "Tidak terselesaikan" — label hasil tidak tercetak di baris 5/m);
    expect(r.stdout).toMatch(/^ {2}inferred {4}intake: channel "dll"/m);
    expect(r.stdout).toMatch(/^ {2}incomplete {2}tim-teknis \(no\. 3\): the step — baris 3 hilang/m);
  });

  it('prints the service standard as written, a lost field said illegible', () => {
    const r = run(['inspect', join(fixtures, 'valid/service-and-gaps.yaml')]);
    expect(r.stdout).toContain(
      'Service standard (as printed):\n  Cost (biaya): Tidak dipungut biaya\n  Legal basis of the cost: Peraturan Daerah Kota Contoh Nomor 1 Tahun 2020\n  Requirements: Fotokopi KTP-el; Uraian pengaduan',
    );
    expect(r.stdout).toContain('  Product: (printed, illegible in the source)');
  });

  it('says an incomplete source runs no cases, and why, in text and JSON', () => {
    const file = join(fixtures, 'warnings/incomplete-source.yaml');
    const r = run(['inspect', file]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('Source: INCOMPLETE (the second page of the flowchart is missing): kept as printed, for viewing and comparison only');
    expect(r.stdout).toMatch(/Runs cases: no \(4 reasons\)\n {2}- the source is marked incomplete/);
    const report = JSON.parse(run(['inspect', file, '--json']).stdout);
    expect(report.source).toEqual({ complete: false, note: 'the second page of the flowchart is missing' });
    expect(report.runnability.runnable).toBe(false);
  });
});

describe('the installed `sop` binary', () => {
  it('runs from node_modules/.bin with the documented exit codes', () => {
    const bin = join(root, 'node_modules/.bin/sop');
    expect(execFileSync(bin, ['validate', ...sopFiles], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).not.toContain(': error:');
    const bad = spawnSync(bin, ['validate', join(invalidDir, 'unreachable-step.yaml')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/unreachable-step\.yaml:\d+:\d+: error: /);
    expect(spawnSync(bin, ['inspect'], { encoding: 'utf8' }).status).toBe(2);
  });
});

describe('sop diff', () => {
  const metro = join(root, 'sops/metro.yaml');
  const buleleng = join(root, 'sops/buleleng.yaml');

  it('compares Metro and Buleleng as JSON: roles, figures and the worst case in working time on each calendar', () => {
    const r = run(['diff', metro, buleleng, '--json']);
    expect(r.code).toBe(EXIT_OK);
    const c = JSON.parse(r.stdout);
    expect(c.sops.map((s: { key: string; timeZone: string }) => [s.key, s.timeZone])).toEqual([
      ['metro', 'Asia/Jakarta'],
      ['buleleng', 'Asia/Makassar'],
    ]);
    expect(c.sops[0].worstCase).toMatchObject({ workingMinutes: 3150, workingText: '≥ 7 hari kerja (+1 langkah tanpa Waktu)', unknownSteps: ['tim-teknis'] });
    expect(c.sops[1].worstCase).toMatchObject({ workingMinutes: 110, workingText: '1 jam 50 menit', unknownSteps: [] });
    expect(c.matrix.find((row: { key: string }) => row.key === 'kasi')).toMatchObject({
      section: 'roles',
      cells: ['Kasi Yang Membidangi permasalahan', 'Kasi Kerjasama'],
      status: 'shared',
    });
    expect(c.versionDiff).toBeNull();
  });

  it('lists lanes of another role apart, by their description, when comparing an SOP with open roles', () => {
    const r = run(['diff', metro, join(root, 'libs/sop-model/src/__fixtures__/valid/open-roles.yaml')]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/^Helpdesk\s+—\s+Helpdesk\s+unique$/m);
    const others = r.stdout.split("Lanes of another role (role: other, by the SOP's own description):\n")[1];
    expect(others).toMatch(/^Koordinator ISO sebagai pengelola r…\s+—\s+Koordinator ISO\s+unique$/m);
  });

  it('prints a readable table with a column per SOP', () => {
    const r = run(['diff', metro, buleleng]);
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('Comparison of metro (Kota Metro), buleleng (Kabupaten Buleleng)');
    expect(r.stdout).toMatch(/^Worst case \(working time\)\s+≥ 7 hari kerja \(\+1 langkah tanpa Waktu\)\s+1 jam 50 menit\s+≠$/m);
    expect(r.stdout).toMatch(/^Escalation depth\s+4\s+0\s+≠$/m);
    expect(r.stdout).toMatch(/^UU 24\/2013\s+Undang-Undang No\. 24.*shared$/m);
  });

  it('lists the steps added and changed between two versions of one file', () => {
    const v2 = readFileSync(buleleng, 'utf8')
      .replace('waktu: 15 Menit', 'waktu: 30 Menit')
      .replace(
        '    next: selesai\n\n  - id: selesai',
        '    next: arsip\n\n  - id: arsip\n    number: "6"\n    kind: task\n    lane: staf-kerjasama\n    label: null\n    activity: Mengarsipkan logbook\n    waktu: 5 Menit\n    next: selesai\n\n  - id: selesai',
      );
    const out: string[] = [];
    const files: Record<string, string> = { 'v1/buleleng.yaml': readFileSync(buleleng, 'utf8'), 'v2/buleleng.yaml': v2 };
    const code = runCli(['diff', 'v1/buleleng.yaml', 'v2/buleleng.yaml'], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      readFile: (p) => files[p],
    });
    expect(code).toBe(EXIT_OK);
    const text = out.join('\n');
    expect(text).toContain('Changes v1/buleleng.yaml → v2/buleleng.yaml (+ added, - removed, ~ changed):');
    expect(text).toContain('  + arsip  Mengarsipkan logbook');
    expect(text).toContain('  ~ kasi-memeriksa  ');
    expect(text).toContain('      waktu: 15 Menit → 30 Menit');
    expect(text).toContain('      next: selesai → arsip');
    expect(text).toMatch(/^Worst case \(working time\)\s+1 jam 50 menit\s+2 jam 10 menit\s+≠$/m);
  });

  it('exits 1 when a file is invalid, 2 on wrong usage or an unreadable file', () => {
    const invalid = run(['diff', metro, join(invalidDir, 'unreachable-step.yaml')]);
    expect(invalid.code).toBe(EXIT_INVALID);
    expect(invalid.stderr).toMatch(/unreachable-step\.yaml:\d+:\d+: error: /);
    expect(run(['diff', metro]).stderr).toContain('expected two to five files, got 1');
    expect(run(['diff', metro]).code).toBe(EXIT_USAGE);
    expect(run(['diff', metro, join(root, 'sops/atlantis.yaml')]).code).toBe(EXIT_USAGE);
    const badDate = run(['diff', metro, buleleng, '--date', '2026-02-30']);
    expect(badDate.code).toBe(EXIT_USAGE);
    expect(badDate.stderr).toContain('--date "2026-02-30" is not a date');
    // Metro's worst case (seven working days) from 28 December 2026 runs into 2027, which has no SKB list yet:
    // it is counted on the provisional calendar, and said so
    const late = run(['diff', metro, buleleng, '--date', '2026-12-28', '--json']);
    expect(late.code).toBe(EXIT_OK);
    expect(JSON.parse(late.stdout).sops[0].worstCase.endsAt).toBe('2027-01-07T09:00:00.000Z'); // 29, 30, 31 Dec, (1 Jan), 4, 5, 6, 7 Jan
    expect(late.stderr).toContain('note: the holidays of 2027 are a provisional estimate');
    expect(run(['diff', metro, buleleng, '--date', '2026-03-17']).stderr).not.toContain('provisional');
    expect(run(['diff', metro, buleleng, '--date', '1850-01-01']).code).toBe(EXIT_USAGE);
    expect(run(['inspect', metro, '--date', '2026-02-02']).stderr).toContain('--date is not an option of this command');
    expect(run(['diff', '--help']).stdout).toContain('Usage: sop diff <a> <b>');
  });

  it('counts working time from another arrival day with --date', () => {
    const c = JSON.parse(run(['diff', metro, buleleng, '--json', '--date', '2026-03-17']).stdout);
    expect(c.referenceDate).toBe('2026-03-17');
    expect(c.sops[0].worstCase.endsAt).toBe('2026-04-01T09:00:00.000Z');
  });
});
