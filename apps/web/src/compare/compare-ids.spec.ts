import { compareSearch, parseCompareIds } from './compare-ids';

describe('parseCompareIds', () => {
  it('reads regencies and versions', () => {
    expect(parseCompareIds('?ids=metro,buleleng')).toEqual({
      ok: true,
      items: [
        { id: 'metro', version: null },
        { id: 'buleleng', version: null },
      ],
    });
    expect(parseCompareIds('?ids=metro@1,metro@2')).toEqual({
      ok: true,
      items: [
        { id: 'metro', version: 1 },
        { id: 'metro', version: 2 },
      ],
    });
    expect(parseCompareIds('')).toEqual({ ok: true, items: [] });
  });

  it('says which item is wrong', () => {
    expect(parseCompareIds('?ids=metro,Bule leng')).toEqual({ ok: false, problem: { key: 'compareBadIdItem', item: 'Bule leng' } });
    expect(parseCompareIds('?ids=metro@0,brebes')).toEqual({ ok: false, problem: { key: 'compareBadIdItem', item: 'metro@0' } });
    expect(parseCompareIds('?ids=metro,metro')).toEqual({ ok: false, problem: { key: 'compareDuplicate', item: 'metro' } });
    expect(parseCompareIds('?ids=a,b,c,d,e,f')).toEqual({ ok: false, problem: { key: 'compareTooMany', n: 6 } });
  });

  it('writes the selection back', () => {
    expect(
      compareSearch([
        { id: 'metro', version: 1 },
        { id: 'metro', version: null },
      ]),
    ).toBe('?ids=metro@1,metro');
    expect(compareSearch([])).toBe('');
  });
});
