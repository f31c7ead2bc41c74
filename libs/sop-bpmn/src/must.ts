/** The value, or an error naming what was missing: for look-ups the code itself guarantees. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`internal: ${what} is missing`);
  return value;
}
