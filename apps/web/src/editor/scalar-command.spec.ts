import { stepUpdate, type SopCommand } from '@sop/editor';
import { parseDocument } from 'yaml';
import { scalarFastCommand } from './scalar-command';
import { scalarSpans } from './scalar-patch';
import { random, SEED_TEXTS } from './__fixtures__/spec-texts';

const seeds = SEED_TEXTS;

const dataOf = (text: string) => parseDocument(text).toJS({ maxAliasCount: 100 }) as { steps: Record<string, unknown>[] };

// what YAML reads otherwise: indicators, quotes, escapes, comments, line breaks, numbers and booleans
const ALPHABET = 'abcXYZ019 .-_/:#"\'\\,[]{}&*!|>%@`?~\t\nàé\u0007\u2028';
const VALUES = ['', ' ', 'true', 'null', '12', '1.5', '- a', 'a: b', 'a #b', '#a', '"a"', "'a'", 'Langkah baru', '5 Menit', 'a  b', ' a', 'a '];
const FIELDS = ['label', 'waktu', 'keterangan', 'output', 'activity', 'number', 'template'];

/** The command, counting how often its own (slow) way runs. */
function counted(command: SopCommand) {
  const calls = { slow: 0 };
  return { calls, command: { ...command, apply: (s: Parameters<SopCommand['apply']>[0]) => (calls.slow++, command.apply(s)) } as SopCommand };
}

describe('scalarFastCommand: a property written over its old value in the text', () => {
  it('writes what the command writes, as data, for every field and value it takes, and otherwise runs the command', () => {
    const next = random(20261206);
    let fast = 0;
    let slow = 0;
    for (const [name, yaml] of seeds) {
      const spans = scalarSpans(yaml);
      if (!spans) continue;
      const data = dataOf(yaml);
      for (let i = 0; i < 40; i++) {
        const step = data.steps[Math.floor(next() * data.steps.length)];
        const field = FIELDS[Math.floor(next() * FIELDS.length)];
        const value =
          next() < 0.4
            ? VALUES[Math.floor(next() * VALUES.length)]
            : Array.from({ length: 1 + Math.floor(next() * 12) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
        const command = stepUpdate({ stepId: String(step.id), changes: { [field]: value } });
        const expected = command.apply({ yaml }).state.yaml;
        const { calls, command: watched } = counted(command);
        const written = scalarFastCommand(watched, () => ({ spans, data })).apply({ yaml }).state.yaml;
        const context = `${name}, step ${String(step.id)}, ${field} = ${JSON.stringify(value)}`;
        expect({ context, data: dataOf(written) }).toEqual({ context, data: dataOf(expected) });
        if (calls.slow > 0) {
          slow++;
          continue;
        }
        fast++;
        // only the value's own place changed: comments, key order and the rest stay byte for byte
        const span = spans.find((s) => s.path[0] === 'steps' && s.path[1] === data.steps.indexOf(step) && s.path[2] === field)!;
        expect(written.slice(0, span.start)).toBe(yaml.slice(0, span.start));
        expect(written.slice(written.length - (yaml.length - span.end))).toBe(yaml.slice(span.end));
      }
    }
    // both ways were taken: plain and quoted values in place, and what needs the command
    expect(fast).toBeGreaterThan(60);
    expect(slow).toBeGreaterThan(20);
  });

  it('keeps the quoting of the value it replaces, and double-quotes what plain would misread', () => {
    const yaml = 'steps:\n  - id: a\n    label: "Mulai"\n    waktu: 5 Menit\n    keterangan: \'catatan\'\n';
    const spans = scalarSpans(yaml)!;
    const data = dataOf(yaml);
    const run = (changes: Record<string, string>) =>
      scalarFastCommand(stepUpdate({ stepId: 'a', changes }), () => ({ spans, data })).apply({ yaml }).state.yaml;
    expect(run({ label: 'Mulai lagi' })).toContain('label: "Mulai lagi"\n');
    expect(run({ keterangan: 'lain' })).toContain("keterangan: 'lain'\n");
    expect(run({ waktu: '10 Menit' })).toContain('waktu: 10 Menit\n');
    expect(run({ waktu: '12' })).toContain('waktu: "12"\n');
    expect(dataOf(run({ waktu: '12' })).steps[0].waktu).toBe('12');
  });

  it('leaves other commands, several changes, removals and unknown texts to the command', () => {
    const yaml = seeds[0][1];
    const data = dataOf(yaml);
    const id = String(data.steps[0].id);
    for (const command of [
      stepUpdate({ stepId: id, changes: { label: 'a', waktu: 'b' } }),
      stepUpdate({ stepId: id, changes: { keterangan: undefined } }),
      stepUpdate({ stepId: id, changes: { kelengkapan: ['Formulir'] } }),
      // what the command checks or refuses: a kind it does not know, a lane or a next (other commands)
      stepUpdate({ stepId: id, changes: { kind: 'bukan-jenis' as 'task' } }),
      stepUpdate({ stepId: id, changes: { lane: 'zzz' } as unknown as Record<string, string> }),
      stepUpdate({ stepId: id, changes: { next: 'ke-mana' } as unknown as Record<string, string> }),
      // what YAML writes escaped
      stepUpdate({ stepId: id, changes: { label: 'bel \u0007' } }),
      stepUpdate({ stepId: id, changes: { label: 'a\u2028b' } }),
    ]) {
      const { calls, command: watched } = counted(command);
      try {
        scalarFastCommand(watched, () => ({ spans: scalarSpans(yaml)!, data })).apply({ yaml });
      } catch {
        // the command refuses it, as it should: nothing was written past its checks
      }
      expect(calls.slow).toBe(1);
    }
    const { calls, command: watched } = counted(stepUpdate({ stepId: id, changes: { label: 'a' } }));
    scalarFastCommand(watched, () => null).apply({ yaml });
    expect(calls.slow).toBe(1);
  });
});
