/**
 * Whether two values hold the same data, as read from YAML or JSON: equal primitives (NaN equal to
 * itself), dates of the same time, and arrays and plain objects whose own keys hold the same data.
 * Only own keys are read and nothing of the objects is called, so a mapping with a key such as
 * `toString` or `valueOf` compares like any other (a general deep-equal calls those).
 *
 * @example
 * sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }) // true
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameData(x[i], y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (!Object.prototype.hasOwnProperty.call(y, k) || !sameData(x[k], y[k])) return false;
  return true;
}
