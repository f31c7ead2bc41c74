import { fileLoadNote } from '@sop/api-contract';
import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { changeNoteText } from './change-note';

const MESSAGES = allMessages();

const t =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);

describe("a version's change note", () => {
  it("says the API's note on a version loaded from the SOP folder in the page's language", () => {
    const loaded = { changeNote: fileLoadNote('metro.yaml'), publishedBy: null };
    expect(changeNoteText(loaded, t('id'))).toBe('dimuat dari berkas sops/metro.yaml di server');
    expect(changeNoteText(loaded, t('en'))).toBe('loaded from the file sops/metro.yaml on the server');
  });

  it("keeps an author's words as written, even words that read like the API's note", () => {
    expect(changeNoteText({ changeNote: 'Waktu pemeriksaan Kasi menjadi 30 menit', publishedBy: 'metro.penyusun' }, t('en'))).toBe(
      'Waktu pemeriksaan Kasi menjadi 30 menit',
    );
    expect(changeNoteText({ changeNote: 'loaded from sops/metro.yaml', publishedBy: 'metro.penyusun' }, t('id'))).toBe('loaded from sops/metro.yaml');
    expect(changeNoteText({ changeNote: null, publishedBy: 'metro.penyusun' }, t('id'))).toBe('—');
  });
});
