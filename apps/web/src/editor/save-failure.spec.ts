// the dialog's preview pulls in a style sheet, which jest does not read
jest.mock('../approval/ProposalPreview', () => ({ ProposalPreview: () => null }));

import { ApiError, NetworkError, PublishError } from '../api';
import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { saveFailureText } from './SaveDialog';

const MESSAGES = allMessages();

const tIn =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);
const say = (failure: Parameters<typeof saveFailureText>[0], lang: Lang) => saveFailureText(failure, tIn(lang), lang);

describe("the save dialog's failures, worded in the page's language when shown", () => {
  it('asks for a change note', () => {
    expect(say({ kind: 'note' }, 'id')).toBe(MESSAGES.id.saveNoteRequired);
    expect(say({ kind: 'note' }, 'en')).toBe(MESSAGES.en.saveNoteRequired);
  });

  it('words a refused login and an unreachable server, not the English of the error', () => {
    const wrong = new PublishError(401, 'wrong username or password', [], { statusCode: 401, code: 'unauthorized', message: 'wrong username or password' });
    expect(say({ kind: 'login', error: wrong }, 'id')).toBe('Gagal masuk: Anda belum masuk, sesi Anda berakhir, atau nama pengguna/kata sandi salah.');
    expect(say({ kind: 'login', error: wrong }, 'en')).toBe(
      'Could not log in: You are not signed in, your session has ended, or the username or password is wrong.',
    );
    const unreachable = new NetworkError(new TypeError('Failed to fetch'));
    expect(say({ kind: 'login', error: unreachable }, 'id')).toBe('Gagal masuk: Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.');
    expect(say({ kind: 'save', error: unreachable }, 'en')).toBe('Could not save: The server could not be reached: check the connection, then try again.');
  });

  it('says the SOP moved on (409) and was not published (422) by their codes', () => {
    const stale = new PublishError(409, 'stale', [], { code: 'sop.stale-version', currentVersion: 3, message: 'stale' });
    expect(say({ kind: 'save', error: stale }, 'id')).toBe(
      format(MESSAGES.id.editSaveStale, {
        message:
          'Versi SOP ini sudah berganti (kini versi 3) sejak Anda membukanya: tidak ada yang diterbitkan; buka versi terbaru lalu terapkan perubahan Anda.',
      }),
    );
    const issues = [{ severity: 'error', code: 'x', message: 'm', pointer: '/', line: 1, column: 1 }];
    const invalid = new PublishError(422, 'invalid', issues, { code: 'sop.invalid', issues, message: 'invalid' });
    expect(say({ kind: 'save', error: invalid }, 'en')).toBe(
      'The SOP was not published: The SOP has 1 error(s): nothing was published. Fix the problems listed and try again.',
    );
  });

  it('gives the fields at fault of another refusal, in Bahasa Indonesia where the API gives it', () => {
    const noNote = new ApiError(400, 'a change note is required', {
      errors: [
        { field: 'changeNote', message: 'a version after version 1 needs a change note', messageId: 'versi setelah versi 1 wajib memiliki catatan perubahan' },
      ],
    });
    expect(say({ kind: 'save', error: noNote }, 'id')).toBe('Gagal menyimpan: versi setelah versi 1 wajib memiliki catatan perubahan');
    expect(say({ kind: 'save', error: noNote }, 'en')).toBe('Could not save: changeNote: a version after version 1 needs a change note');
  });
});
