import { accessCodeMatches, hashAccessCode, newAccessCode, normalizeAccessCode } from './access-code';

describe('access codes', () => {
  it('are 12 characters of Crockford base32 in groups of four, different each time', () => {
    const codes = Array.from({ length: 200 }, newAccessCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(new Set(codes).size).toBe(200);
  });

  it('match as the citizen types them: lower case, spaces, no dashes, O for 0 and I or L for 1', () => {
    const hash = hashAccessCode('BUL-7K4Q9P', '7K4Q-9PX1-3D0A');
    expect(accessCodeMatches('BUL-7K4Q9P', '7k4q 9pxl 3doa', hash)).toBe(true);
    expect(accessCodeMatches('BUL-7K4Q9P', '7K4Q9PXI3D0A', hash)).toBe(true);
    expect(normalizeAccessCode(' 7k4q-9pxl ')).toBe('7K4Q9PX1');
  });

  it('do not match another code, another ticket, or a complaint without a code', () => {
    const hash = hashAccessCode('BUL-7K4Q9P', '7K4Q-9PX1-3D0A');
    expect(accessCodeMatches('BUL-7K4Q9P', '7K4Q-9PX1-3D0B', hash)).toBe(false);
    expect(accessCodeMatches('BUL-7K4Q9Q', '7K4Q-9PX1-3D0A', hash)).toBe(false);
    expect(accessCodeMatches('BUL-7K4Q9P', '', hash)).toBe(false);
    expect(accessCodeMatches('BUL-7K4Q9P', '7K4Q-9PX1-3D0A', null)).toBe(false);
  });

  it('are never stored: the hash does not contain the code', () => {
    const code = newAccessCode();
    expect(hashAccessCode('MET-AAAAAA', code)).not.toContain(normalizeAccessCode(code));
  });
});
