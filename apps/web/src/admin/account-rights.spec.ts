import { rightsFor } from './account-rights';

describe('the rights the accounts form offers', () => {
  it('offers a platform account the reviewer right but not the signer, and a regency account the reverse, as the API allows', () => {
    expect(rightsFor('*')).toEqual(['author', 'reviewer', 'admin']);
    expect(rightsFor(' * ')).toEqual(['author', 'reviewer', 'admin']);
    expect(rightsFor('metro')).toEqual(['author', 'signer', 'admin']);
    expect(rightsFor('')).toEqual(['author', 'signer', 'admin']);
  });
});
