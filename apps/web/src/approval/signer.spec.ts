import { isSignerOf } from './signer';

describe('isSignerOf', () => {
  it('is the signer permission on an account of that regency only', () => {
    expect(isSignerOf({ permissions: ['signer'], regency: 'metro' }, 'metro')).toBe(true);
    expect(isSignerOf({ permissions: ['signer'], regency: 'metro' }, 'brebes')).toBe(false);
    expect(isSignerOf({ permissions: ['author'], regency: 'metro' }, 'metro')).toBe(false);
    expect(isSignerOf({ permissions: ['signer'], regency: '*' }, 'metro')).toBe(false);
  });
});
