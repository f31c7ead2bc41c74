/**
 * A statement's parameters by name instead of by position. While the SQL is built (once, at start),
 * `ref(name)` gives the `$n` of a name, the same `$n` every time the name is used again; for each
 * call, `values(named)` lays out one object of named values in that order. A value the SQL uses but
 * the object lacks is a compile error (the names are a type), so no list of positions can drift.
 *
 * @example
 * const p = new NamedParams<'id' | 'now'>();
 * const sql = `UPDATE cases SET updated_at = ${p.ref('now')} WHERE id = ${p.ref('id')}`; // $1, $2
 * db.query(sql, p.values({ id, now }));                                                  // [now, id]
 */
export class NamedParams<Name extends string> {
  private readonly names: Name[] = [];

  /** The placeholder of a name: `$n`, numbered by first use. */
  ref(name: Name): string {
    let i = this.names.indexOf(name);
    if (i < 0) i = this.names.push(name) - 1;
    return `$${i + 1}`;
  }

  /** Placeholders of several names, joined by commas (a VALUES list, a SELECT list). */
  refs(names: readonly Name[]): string {
    return names.map((n) => this.ref(n)).join(', ');
  }

  /** The values of one call, in the order of the placeholders. */
  values(named: Record<Name, unknown>): unknown[] {
    return this.names.map((n) => named[n]);
  }

  /** The names in the order of their placeholders (for a reader of the statement). */
  get order(): readonly Name[] {
    return this.names;
  }
}

/** An object's keys with a prefix: `prefixed('state_', { step })` is `{ state_step }`. */
export function prefixed<P extends string, T extends Record<string, unknown>>(prefix: P, values: T): { [K in keyof T & string as `${P}${K}`]: T[K] } {
  // a loop, not Object.entries/fromEntries: it runs for every event written
  const out: Record<string, unknown> = {};
  for (const k in values) if (Object.hasOwn(values, k)) out[`${prefix}${k}`] = values[k];
  return out as { [K in keyof T & string as `${P}${K}`]: T[K] };
}
