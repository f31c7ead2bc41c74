import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditorIssue } from '@sop/editor';
import { CommandStack } from '@sop/editor';
import type { SopDocument } from '@sop/model';
import { choiceFieldsOf, issueMarks, lanesOf, readableFlows, sameOwnFields, selectionIn, stepCountByLane, stepOfIssue, type ShownIssue } from './editor-model';
import { patchScalar, scalarSpans } from './scalar-patch';
import { inField } from './use-editor-keys';
import { snapshotOf } from './use-command-stack';
import { MAX_PAUSE_MS, pauseAfterTyping } from './use-yaml-text';

// The editor page's pure parts, on a seed SOP read through the command stack as the page reads it.
const metro = readFileSync(join(__dirname, '../../../../sops/metro.yaml'), 'utf8');
const doc = new CommandStack(metro).document!;

const issue = (severity: string, element: EditorIssue['element'], message: string = severity): ShownIssue => ({
  severity: severity as EditorIssue['severity'],
  code: 'x',
  message,
  pointer: '',
  line: 1,
  column: 1,
  element,
});

describe('the editor page model', () => {
  test("an issue belongs to its step, a transition's to the step it leaves, others to no step", () => {
    expect(stepOfIssue(issue('error', { type: 'step', stepId: 'a', flow: 'main' }))).toBe('a');
    expect(stepOfIssue(issue('error', { type: 'transition', from: 'a', flow: 'main', kind: 'next', to: 'b' }))).toBe('a');
    expect(stepOfIssue(issue('error', { type: 'lane', laneId: 'kasi' }))).toBeNull();
    expect(stepOfIssue(issue('error', { type: 'sop' }))).toBeNull();
  });

  test("a step's mark is its worst issue: an error over a warning, the first of equals; notes mark nothing", () => {
    const marks = issueMarks([
      issue('warning', { type: 'step', stepId: 'a', flow: 'main' }, 'w1'),
      issue('error', { type: 'transition', from: 'a', flow: 'main', kind: 'next', to: 'b' }, 'e1'),
      issue('error', { type: 'step', stepId: 'a', flow: 'main' }, 'e2'),
      issue('warning', { type: 'step', stepId: 'b', flow: 'main' }, 'w2'),
      issue('warning', { type: 'step', stepId: 'b', flow: 'main' }, 'w3'),
      issue('info', { type: 'step', stepId: 'c', flow: 'main' }, 'i1'),
      issue('error', { type: 'sop' }, 'e3'),
    ]);
    expect([...marks]).toEqual([
      ['a', { severity: 'error', message: 'e1' }],
      ['b', { severity: 'warning', message: 'w2' }],
    ]);
  });

  test('the flows of a readable document; none of no document or of one too broken to tell', () => {
    expect(readableFlows(doc).map((f) => f.id)).toEqual(['main']);
    expect(readableFlows(null)).toEqual([]);
    expect(readableFlows({ steps: [{ id: 'a' }], lanes: [], periodic: 'x' } as unknown as SopDocument)).toEqual(expect.any(Array));
  });

  test('the selection: the step, its flow and its place; nothing for no id or an id no step has', () => {
    const flows = readableFlows(doc);
    const third = flows[0].steps[2];
    expect(selectionIn(flows, third.id)).toEqual({ step: third, flow: flows[0], index: 2 });
    expect(selectionIn(flows, null)).toEqual({ index: -1 });
    expect(selectionIn(flows, 'no-such-step')).toEqual({ index: -1 });
  });

  test('steps per lane, lanes with an id and their choices, the choice fields of the form', () => {
    const flows = readableFlows(doc);
    const counts = stepCountByLane(flows.flatMap((f) => f.steps));
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(doc.steps.length);
    const { lanes, laneChoices } = lanesOf([...doc.lanes, null as never, { name: 'no id' } as never]);
    expect(lanes.map((l) => l.id)).toEqual(doc.lanes.map((l) => l.id));
    expect(laneChoices[0]).toEqual({ id: doc.lanes[0].id, name: doc.lanes[0].name, role: doc.lanes[0].role });
    expect(lanesOf(null)).toEqual({ lanes: [], laneChoices: [] });
    const fields = choiceFieldsOf({
      ...doc.intake,
      form: {
        fields: [
          { id: 'kategori', type: 'choice', label: 'K', options: [] },
          { id: 'nama', type: 'text', label: 'N' },
        ],
      },
    } as SopDocument['intake']);
    expect(fields.map((f) => f.id)).toEqual(['kategori']);
    expect(choiceFieldsOf(null)).toEqual([]);
  });

  test('the snapshot keeps drawing the last readable document while the YAML cannot be read', () => {
    const stack = new CommandStack(metro);
    const first = snapshotOf(stack);
    expect(first.shown).toBe(stack.document);
    stack.reset('steps: [\n');
    const broken = snapshotOf(stack, first);
    expect(broken.document).toBeNull();
    expect(broken.shown).toBe(first.shown);
    expect(snapshotOf(stack).shown).toBeNull();
  });

  test('the pause after typing is twice what applying took, at most the longest pause', () => {
    expect(pauseAfterTyping(0)).toBe(0);
    expect(pauseAfterTyping(4.2)).toBe(8);
    expect(pauseAfterTyping(120)).toBe(240);
    expect(pauseAfterTyping(900)).toBe(MAX_PAUSE_MS);
    expect(MAX_PAUSE_MS).toBe(300);
  });

  test('keys typed in a field are the field’s own', () => {
    expect(inField({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(inField({ tagName: 'INPUT' } as unknown as EventTarget)).toBe(true);
    expect(inField({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(inField({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(inField({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(inField(null)).toBe(false);
  });

  test("the SOP's own fields are the same after an edit of a step's value, not after an edit of its title", () => {
    const spans = scalarSpans(metro);
    if (!spans) throw new Error('metro has no scalar spans');
    const labelled = patchScalar({ text: metro, spans, data: doc }, metro.replace('    label: Mulai\n', '    label: Mulai baru\n'));
    if (!labelled) throw new Error('not a scalar edit');
    const edited = labelled.data as SopDocument;
    expect(edited.steps[0].label).toBe('Mulai baru');
    expect(sameOwnFields(doc, edited)).toBe(true);
    const title = `  title: ${doc.identity.title}\n`;
    expect(metro).toContain(title);
    const retitled = patchScalar({ text: metro, spans, data: doc }, metro.replace(title, '  title: Pelayanan Pengaduan Baru\n'));
    if (!retitled) throw new Error('not a scalar edit');
    expect(sameOwnFields(doc, retitled.data as SopDocument)).toBe(false);
    // the same text read again: equal, but not the same objects (drawn again, which is never wrong)
    expect(sameOwnFields(doc, new CommandStack(metro).document!)).toBe(false);
  });
});
