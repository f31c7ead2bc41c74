import { matchRoute } from '../router';

describe('the new-regency page', () => {
  it('is /sops/baru, which no SOP id can take; other ids are still SOPs', () => {
    expect(matchRoute('/sops/baru')).toEqual({ page: 'new-sop' });
    expect(matchRoute('/sops/baru/')).toEqual({ page: 'new-sop' });
    expect(matchRoute('/sops/baru-jaya')).toEqual({ page: 'sop', id: 'baru-jaya' });
    expect(matchRoute('/sops/kab-contoh/ubah')).toEqual({ page: 'edit', id: 'kab-contoh' });
  });
});
