import { flowsOf, type SopDocument } from '@sop/model';

/** One property that differs between the two versions, as text (objects as compact JSON). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** An item (step, form field, lane, channel) present in one version only. */
export interface ItemRef {
  id: string;
  /** The step's flow ('main' or a periodic procedure's id); absent for other items. */
  flow?: string;
  /** A readable name: a step's activity or label, a field's or lane's or channel's label. */
  label: string;
}

export interface ItemChange extends ItemRef {
  changes: FieldChange[];
}

export interface ItemDiff {
  added: ItemRef[];
  removed: ItemRef[];
  changed: ItemChange[];
}

/** What changed from one version of an SOP to another. Items are matched by id. */
export interface SopVersionDiff {
  steps: ItemDiff;
  formFields: ItemDiff;
  lanes: ItemDiff;
  channels: ItemDiff;
  /** Whether anything above changed. */
  changed: boolean;
}

type Item = { id: string } & Record<string, unknown>;

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // keys sorted: two versions whose objects differ only in key order (`{ status, note }`) are the same
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

function fieldChanges(before: Item, after: Item): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== 'id');
  return fields.map((field) => ({ field, before: asText(before[field]), after: asText(after[field]) })).filter((c) => c.before !== c.after);
}

function diffItems<T extends Item>(before: T[], after: T[], refOf: (item: T) => ItemRef, keyOf: (item: T) => string = (i) => i.id): ItemDiff {
  const beforeByKey = new Map(before.map((i) => [keyOf(i), i]));
  const afterByKey = new Map(after.map((i) => [keyOf(i), i]));
  return {
    added: after.filter((i) => !beforeByKey.has(keyOf(i))).map(refOf),
    removed: before.filter((i) => !afterByKey.has(keyOf(i))).map(refOf),
    changed: after
      .flatMap((i) => {
        const old = beforeByKey.get(keyOf(i));
        return old === undefined ? [] : [{ ...refOf(i), changes: fieldChanges(old, i) }];
      })
      .filter((c) => c.changes.length > 0),
  };
}

function flowSteps(sop: SopDocument) {
  return flowsOf(sop).flatMap((flow) => flow.steps.map((step) => ({ ...(step as unknown as Item), flow: flow.id })));
}

const isEmpty = (d: ItemDiff) => !d.added.length && !d.removed.length && !d.changed.length;

/**
 * The steps (of every flow), form fields, lanes and intake channels added, removed and changed
 * from `before` to `after`, matched by id; a changed item lists each property that differs
 * (activity, lane, waktu, output, outcomes…).
 *
 * @example
 * diffSopVersions(v1, v2).steps.changed[0] // { id: 'kasi-periksa', flow: 'main', label: '…', changes: [{ field: 'waktu', before: '1 hari', after: '2 hari' }] }
 */
export function diffSopVersions(before: SopDocument, after: SopDocument): SopVersionDiff {
  const stepRef = (s: Item & { flow: string }): ItemRef => ({ id: s.id, flow: s.flow, label: String(s.activity ?? s.label ?? s.id) });
  const plainRef = (i: Item): ItemRef => ({ id: i.id, label: String(i.label ?? i.name ?? i.id) });
  const steps = diffItems(flowSteps(before), flowSteps(after), stepRef, (s) => `${s.flow}/${s.id}`);
  // the flow is part of the key; a changed step's own `flow` never differs
  for (const c of steps.changed) c.changes = c.changes.filter((f) => f.field !== 'flow');
  steps.changed = steps.changed.filter((c) => c.changes.length > 0);
  const fields = (sop: SopDocument) => (sop.intake?.form?.fields ?? []) as unknown as Item[];
  const lanes = (sop: SopDocument) => sop.lanes as unknown as Item[];
  const channels = (sop: SopDocument) => (sop.intake?.channels ?? []) as unknown as Item[];
  const diff = {
    steps,
    formFields: diffItems(fields(before), fields(after), plainRef),
    lanes: diffItems(lanes(before), lanes(after), plainRef),
    channels: diffItems(channels(before), channels(after), plainRef),
  };
  return { ...diff, changed: !(isEmpty(diff.steps) && isEmpty(diff.formFields) && isEmpty(diff.lanes) && isEmpty(diff.channels)) };
}
