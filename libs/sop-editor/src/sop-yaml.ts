import { didYouMean, type SopEdgeKind } from '@sop/model';
import { isMap, isNode, isScalar, isSeq, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { CommandError } from './command-error';
import { JUMP_KEYS, OUTCOME_KEYS, STEP_KEYS } from './key-order';

/** A transition between two steps, as the diagram draws it. */
export interface SopTransition {
  from: string;
  to: string;
  kind: SopEdgeKind;
  /** The decision outcome's id, for outcome transitions. */
  outcome?: string;
  label?: string | null;
}

/** A step list: the per-complaint flow (`main`) or a periodic procedure's. */
export interface FlowLocation {
  id: string;
  /** JSON pointer of the step list, e.g. `/steps` or `/periodic/0/steps`. */
  pointer: string;
  seq: YAMLSeq;
}

/** Where a step is in the document. */
export interface StepLocation {
  id: string;
  flow: FlowLocation;
  index: number;
  map: YAMLMap;
  /** JSON pointer of the step, e.g. `/steps/3`. */
  pointer: string;
}

/** Where a lane is in the document. */
export interface LaneLocation {
  id: string;
  index: number;
  map: YAMLMap;
  seq: YAMLSeq;
}

/** A transition of a step together with the means to change it in the document. */
export interface TransitionHandle {
  transition: SopTransition;
  /** JSON pointer of the property that names the target (`…/next`, `…/outcomes/1/to`). */
  pointer: string;
  /** Removes the transition from its step (an emptied outcome list goes with it). */
  remove(): void;
  /** Points the transition at another step (`keepComment` for a rename of the same step). */
  retarget(to: string, keepComment?: boolean): void;
}

const suggestion = (value: string, candidates: readonly string[]): { en: string; id: string } => {
  const name = /"(.+)"/.exec(didYouMean(value, candidates))?.[1];
  return name === undefined ? { en: '', id: '' } : { en: ` (did you mean "${name}"?)`, id: ` (maksud Anda "${name}"?)` };
};

/** The string value of a scalar, or undefined for anything else. */
export function stringAt(map: YAMLMap, key: string): string | undefined {
  const value = map.get(key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * An SOP document being edited through the `yaml` Document API, with the lookups and structural
 * edits commands share: finding steps and lanes, inserting keys in the schema's order, inserting,
 * moving and removing list items while keeping the blank lines between them as the author had
 * them. Every lookup of a missing step or lane throws a {@link CommandError}.
 */
export class SopYaml {
  readonly root: YAMLMap;

  constructor(readonly doc: Document) {
    if (!isMap(doc.contents)) {
      throw new CommandError('not-an-sop', {
        en: 'the YAML is not an SOP document (a mapping with lanes and steps): fix it in the YAML pane first',
        id: 'YAML ini bukan dokumen SOP (sebuah mapping berisi lanes dan steps): perbaiki dulu di panel YAML',
      });
    }
    this.root = doc.contents;
  }

  /** The per-complaint flow and each periodic procedure's step list. */
  flows(): FlowLocation[] {
    const flows: FlowLocation[] = [];
    const steps = this.root.get('steps', true);
    if (isSeq(steps)) flows.push({ id: 'main', pointer: '/steps', seq: steps });
    const periodic = this.root.get('periodic', true);
    if (isSeq(periodic)) {
      periodic.items.forEach((p, i) => {
        if (!isMap(p)) return;
        const seq = p.get('steps', true);
        if (isSeq(seq)) flows.push({ id: stringAt(p, 'id') ?? `periodic-${i}`, pointer: `/periodic/${i}/steps`, seq });
      });
    }
    return flows;
  }

  /** A flow by id (`main` for the per-complaint flow). */
  flow(id: string): FlowLocation {
    const flows = this.flows();
    const flow = flows.find((f) => f.id === id);
    if (flow) return flow;
    const ids = flows.map((f) => f.id);
    const hint = suggestion(id, ids);
    throw new CommandError('unknown-flow', {
      en: `there is no flow "${id}"${hint.en}; flows: ${ids.join(', ') || 'none'}`,
      id: `tidak ada alur "${id}"${hint.id}; alur yang ada: ${ids.join(', ') || 'tidak ada'}`,
    });
  }

  /** Every step of every flow, in document order. */
  steps(): StepLocation[] {
    return this.flows().flatMap((flow) =>
      flow.seq.items.flatMap((item, index) => {
        if (!isMap(item)) return [];
        const id = stringAt(item, 'id');
        return id === undefined ? [] : [{ id, flow, index, map: item, pointer: `${flow.pointer}/${index}` }];
      }),
    );
  }

  /** The ids of all steps, across flows (step ids are unique across flows). */
  stepIds(): Set<string> {
    return new Set(this.steps().map((s) => s.id));
  }

  /** A step by id, in any flow. */
  step(id: string): StepLocation {
    const steps = this.steps();
    const step = steps.find((s) => s.id === id);
    if (step) return step;
    const hint = suggestion(
      id,
      steps.map((s) => s.id),
    );
    throw new CommandError('unknown-step', {
      en: `there is no step "${id}"${hint.en}`,
      id: `tidak ada langkah "${id}"${hint.id}`,
    });
  }

  /** The lane list, created (empty) when `create` is set and it is missing. */
  laneSeq(create: true): YAMLSeq;
  laneSeq(create?: boolean): YAMLSeq | undefined;
  laneSeq(create = false): YAMLSeq | undefined {
    const lanes = this.root.get('lanes', true);
    if (isSeq(lanes)) return lanes;
    if (!create) return undefined;
    const seq = new YAMLSeq(this.doc.schema);
    this.setKey(this.root, 'lanes', seq, ['schemaVersion', 'identity', 'calendar', 'sections', 'lanes']);
    return seq;
  }

  /** Every lane, in document order. */
  lanes(): LaneLocation[] {
    const seq = this.laneSeq();
    if (!seq) return [];
    return seq.items.flatMap((item, index) => {
      if (!isMap(item)) return [];
      const id = stringAt(item, 'id');
      return id === undefined ? [] : [{ id, index, map: item, seq }];
    });
  }

  /** A lane by id. */
  lane(id: string): LaneLocation {
    const lanes = this.lanes();
    const lane = lanes.find((l) => l.id === id);
    if (lane) return lane;
    const ids = lanes.map((l) => l.id);
    const hint = suggestion(id, ids);
    throw new CommandError('unknown-lane', {
      en: `there is no lane "${id}"${hint.en}; lanes: ${ids.join(', ') || 'none'}`,
      id: `tidak ada lajur "${id}"${hint.id}; lajur yang ada: ${ids.join(', ') || 'tidak ada'}`,
    });
  }

  /**
   * Sets a key of a mapping; a new key is inserted after the last present key that `order` puts
   * before it (at the end otherwise). A scalar that changes keeps its node, and with it the
   * comments above its key, but loses the comment on its own line, which spoke of the old value
   * (`lane: admin # inferred: …` no longer holds once the author has moved the step), unless
   * `keepComment` is set (a rename, where the value still means the same thing).
   */
  setKey(map: YAMLMap, key: string, value: unknown, order: readonly string[], options: { keepComment?: boolean } = {}): void {
    if (map.has(key)) {
      const current: unknown = map.get(key, true);
      if (isScalar(current) && !isNode(value)) {
        if (current.value !== value) {
          current.value = value;
          if (!options.keepComment) current.comment = undefined;
        }
      } else {
        map.set(key, value);
      }
      return;
    }
    const pair = this.doc.createPair(key, value);
    const rank = order.indexOf(key);
    let at = map.items.length;
    if (rank >= 0) {
      at = 0;
      map.items.forEach((p, i) => {
        const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
        const r = order.indexOf(k);
        if (r >= 0 && r < rank) at = i + 1;
      });
    }
    map.items.splice(at, 0, pair as (typeof map.items)[number]);
  }

  /** Creates a node for a value; `flow` writes a collection in flow style ({ … } or [ … ]). */
  node(value: unknown, flow = false): Node {
    const node = this.doc.createNode(value) as Node;
    if (flow && (isMap(node) || isSeq(node))) node.flow = true;
    return node;
  }

  /** Inserts an item into a list, with the blank line before it that its neighbours have. */
  insertItem(seq: YAMLSeq, index: number, item: Node, separator = spacingOf(seq)): void {
    const items = seq.items as Node[];
    if (index === 0) {
      item.spaceBefore = items.length > 0 ? items[0].spaceBefore : undefined;
      if (items.length > 0) items[0].spaceBefore = separator || undefined;
    } else {
      item.spaceBefore = separator || undefined;
    }
    items.splice(index, 0, item);
  }

  /** Removes an item from a list; the item after it takes its place in the spacing. */
  removeItem(seq: YAMLSeq, index: number): Node {
    const items = seq.items as Node[];
    const [removed] = items.splice(index, 1);
    if (index === 0 && items.length > 0) items[0].spaceBefore = removed.spaceBefore;
    return removed;
  }

  /** Moves a list item to another index (its comments travel with it). */
  moveItem(seq: YAMLSeq, from: number, to: number): void {
    const separator = spacingOf(seq);
    const item = this.removeItem(seq, from);
    this.insertItem(seq, to, item, separator);
  }

  /** The transitions a step declares, in declaration order, each with the means to change it. */
  transitionsOf(step: StepLocation): TransitionHandle[] {
    const { map, id: from } = step;
    const handles: TransitionHandle[] = [];
    const next = stringAt(map, 'next');
    if (next !== undefined) {
      handles.push({
        transition: { from, to: next, kind: 'next' },
        pointer: `${step.pointer}/next`,
        remove: () => map.delete('next'),
        retarget: (to, keepComment) => this.setKey(map, 'next', to, STEP_KEYS, { keepComment }),
      });
    }
    const outcomes = map.get('outcomes', true);
    if (isSeq(outcomes)) {
      outcomes.items.forEach((item, j) => {
        if (!isMap(item)) return;
        const to = stringAt(item, 'to');
        if (to === undefined) return;
        const label = item.get('label');
        handles.push({
          transition: { from, to, kind: 'outcome', outcome: stringAt(item, 'id'), label: typeof label === 'string' ? label : null },
          pointer: `${step.pointer}/outcomes/${j}/to`,
          remove: () => {
            const index = outcomes.items.indexOf(item);
            if (index >= 0) this.removeItem(outcomes, index);
            if (outcomes.items.length === 0) map.delete('outcomes');
          },
          retarget: (target, keepComment) => this.setKey(item, 'to', target, OUTCOME_KEYS, { keepComment }),
        });
      });
    }
    for (const kind of ['escalation', 'rejection'] as const) {
      const jump = map.get(kind, true);
      if (!isMap(jump)) continue;
      const to = stringAt(jump, 'to');
      if (to === undefined) continue;
      const label = jump.get('label');
      handles.push({
        transition: { from, to, kind, label: typeof label === 'string' ? label : undefined },
        pointer: `${step.pointer}/${kind}/to`,
        remove: () => map.delete(kind),
        retarget: (target, keepComment) => this.setKey(jump, 'to', target, JUMP_KEYS, { keepComment }),
      });
    }
    return handles;
  }
}

/** Whether the items of a list are separated by blank lines (undefined when it cannot tell). */
export function spacingOf(seq: YAMLSeq): boolean | undefined {
  const rest = (seq.items as Node[]).slice(1);
  if (rest.length === 0) return undefined;
  const spaced = rest.filter((item) => item.spaceBefore).length;
  return spaced * 2 >= rest.length;
}
