import { checkChosenFile, UploadFailure, wordsOf } from './complaint-form';

const LIMITS = { accept: ['application/pdf', 'image/jpeg'], maxBytes: 1024 * 1024, maxSizeMb: 1 };
const PDF_HEAD = '%PDF-1.7\n';

describe('a chosen file, checked before it is sent, in words of either language', () => {
  it('says what is wrong in the language asked when shown, so that the words follow a switch of language', async () => {
    const empty = await checkChosenFile(LIMITS, 'Foto KTP', new Blob([]));
    expect(empty?.('id')).toBe('Berkas untuk "Foto KTP" kosong: pilih berkas lain.');
    expect(empty?.('en')).toBe('The file chosen for "Foto KTP" is empty: choose another.');
    const big = await checkChosenFile({ ...LIMITS, maxBytes: 4, maxSizeMb: 0.5 }, 'Foto KTP', new Blob([PDF_HEAD]));
    expect(big?.('id')).toMatch(/^"Foto KTP" menerima berkas paling besar 0,5 MB; berkas ini /);
    expect(big?.('en')).toMatch(/^"Foto KTP" takes files of at most 0.5 MB; this one is /);
    const text = await checkChosenFile(LIMITS, 'Foto KTP', new Blob(['bukan berkas gambar']));
    expect(text?.('id')).toMatch(/^"Foto KTP" hanya menerima berkas .+; berkas ini jenis yang tidak diterima\.$/);
    expect(text?.('en')).toMatch(/^"Foto KTP" takes .+ files; this one is a kind it does not take\.$/);
    expect(await checkChosenFile(LIMITS, 'Foto KTP', new Blob([PDF_HEAD]))).toBeNull();
  });

  it("keeps an upload's failure in both languages, and another error's own words", () => {
    const cut = new UploadFailure((lang) => (lang === 'id' ? 'Unggahan terputus.' : 'The upload was cut off.'), 'id');
    expect(cut.message).toBe('Unggahan terputus.');
    expect(wordsOf(cut)('en')).toBe('The upload was cut off.');
    expect(wordsOf(new Error('disk full'))('id')).toBe('disk full');
  });
});
