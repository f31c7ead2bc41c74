import { parse } from 'yaml';
import { sameData } from './same-data';

describe('sameData: the same data, not the same objects', () => {
  test('compares values, lists and mappings, not identity', () => {
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameData({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: 1, b: undefined }, { a: 1, c: undefined })).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData([1, 2], [1, 2, 3])).toBe(false);
    expect(sameData(null, {})).toBe(false);
    expect(sameData('1', 1)).toBe(false);
    // a `.nan` read twice is the same data
    expect(sameData(NaN, NaN)).toBe(true);
    expect(sameData(new Date('2026-12-06T00:00:00Z'), new Date('2026-12-06T00:00:00Z'))).toBe(true);
    expect(sameData(new Date('2026-12-06T00:00:00Z'), new Date('2026-12-07T00:00:00Z'))).toBe(false);
  });

  test('a mapping with a key named like an object method compares as data (a general deep-equal calls it, and throws)', () => {
    const text = 'provenance:\n  status: inferred\n  toString: x\n  valueOf: 1\n  constructor: y\n';
    expect(sameData(parse(text), parse(text))).toBe(true);
    expect(sameData(parse(text), parse(text.replace('toString: x', 'toString: z')))).toBe(false);
    expect(sameData({ hasOwnProperty: 1 }, { hasOwnProperty: 1 })).toBe(true);
  });
});
