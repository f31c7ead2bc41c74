import { rightsFor, suggestedAccounts } from './account-rights';
import { adminMessagesEn, adminMessagesId } from './messages';

describe('the rights the accounts form offers', () => {
  it('offers a platform account the reviewer right but not the signer, and a regency account the reverse, as the API allows', () => {
    expect(rightsFor('*')).toEqual(['author', 'reviewer', 'admin']);
    expect(rightsFor(' * ')).toEqual(['author', 'reviewer', 'admin']);
    expect(rightsFor('metro')).toEqual(['author', 'signer', 'admin']);
    expect(rightsFor('')).toEqual(['author', 'signer', 'admin']);
  });
});

describe('the accounts suggested for a regency that has just published its first SOP', () => {
  it('include the signer <id>.pengesah, who approves version 2 onwards, with why', () => {
    const accounts = suggestedAccounts('sleman', [
      { id: 'petugas', name: 'Petugas Pengaduan' },
      { id: 'kadis', name: 'Kepala Dinas' },
    ]);
    expect(accounts.map((a) => a.username)).toEqual(['admin.sleman', 'sleman.penyusun', 'sleman.pengesah', 'sleman.petugas', 'sleman.kadis']);
    const signer = accounts.find((a) => a.username === 'sleman.pengesah')!;
    expect(signer.permissions).toEqual(['signer']);
    expect(signer.lanes).toEqual([]);
    expect(signer.why).toBe('accountsSuggestSignerWhy');
    // the signer right is one a regency's account may hold
    expect(rightsFor('sleman')).toContain('signer');
  });

  it('words the signer and why in both languages', () => {
    expect(adminMessagesId.accountsSuggestSigner).toBe('Pengesah SOP, Kepala Dinas ({regency})');
    expect(adminMessagesId.accountsSuggestSignerWhy).toMatch(/versi 2/);
    expect(adminMessagesEn.accountsSuggestSignerWhy).toMatch(/version 2/);
    expect(adminMessagesId.newSopPublished).toMatch(/pengesah SOP/);
  });
});
