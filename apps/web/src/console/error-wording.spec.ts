// the components' modules pull in style sheets (through RequireSession), which jest does not read
jest.mock('./RequireSession', () => ({ RequireSession: () => null }));

import { ApiError, NetworkError } from '../api';
import { format, type Lang, type Translate } from '../i18n';
import { allMessages } from '../test-messages';
import { identitySearchFailureText } from './IdentitySearchBox';
import { inboxFailureText } from './InboxPage';

const MESSAGES = allMessages();

const tIn =
  (lang: Lang): Translate =>
  (key, params) =>
    format(MESSAGES[lang][key], params, lang);

const unreachable = new NetworkError(new TypeError('Failed to fetch'));

describe('the inbox says why it could not be read, in the language the page is in when it says it', () => {
  it('words an unreachable server and a refusal by code, not the English of the error', () => {
    expect(inboxFailureText(unreachable, tIn('id'), 'id')).toBe('Gagal memuat: Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.');
    expect(inboxFailureText(unreachable, tIn('en'), 'en')).toBe('Could not load: The server could not be reached: check the connection, then try again.');
    const expired = new ApiError(401, 'Unauthorized', { statusCode: 401, code: 'unauthorized', message: 'Unauthorized' });
    expect(inboxFailureText(expired, tIn('id'), 'id')).toBe('Gagal memuat: Anda belum masuk, sesi Anda berakhir, atau nama pengguna/kata sandi salah.');
  });

  it("names a refused filter by its field in Bahasa Indonesia, and gives the API's words in English", () => {
    const refused = new ApiError(400, 'invalid query', {
      errors: [
        { field: 'ticket', message: 'a ticket is 3 letters, a dash and 6 characters' },
        { field: 'overdue', message: 'overdue is true or false' },
      ],
    });
    expect(inboxFailureText(refused, tIn('id'), 'id')).toBe(
      `${tIn('id')('consoleTicketSearchInvalid')} ${tIn('id')('consoleFilterInvalid', { field: 'overdue' })}`,
    );
    expect(inboxFailureText(refused, tIn('en'), 'en')).toBe(`${tIn('en')('consoleTicketSearchInvalid')} overdue: overdue is true or false`);
  });
});

describe("the search by NIK or phone says why it found nothing, in the page's language now", () => {
  it('says a value that is neither a NIK nor a phone number is not one', () => {
    expect(identitySearchFailureText({ kind: 'invalid' }, tIn('id'), 'id')).toBe(MESSAGES.id.intakeSearchIdentityInvalid);
    expect(identitySearchFailureText({ kind: 'invalid' }, tIn('en'), 'en')).toBe(MESSAGES.en.intakeSearchIdentityInvalid);
  });

  it("gives the API's words for the first field at fault: its Bahasa Indonesia where it gives one", () => {
    const refused = new ApiError(400, 'Bad Request', {
      errors: [
        { field: 'nik', message: 'a NIK is 16 digits', messageId: 'NIK terdiri atas 16 angka' },
        { field: 'phone', message: 'x' },
      ],
    });
    expect(identitySearchFailureText({ kind: 'failed', error: refused }, tIn('id'), 'id')).toBe('NIK terdiri atas 16 angka');
    expect(identitySearchFailureText({ kind: 'failed', error: refused }, tIn('en'), 'en')).toBe('a NIK is 16 digits');
  });

  it('words any other failure as a refusal', () => {
    expect(identitySearchFailureText({ kind: 'failed', error: unreachable }, tIn('id'), 'id')).toBe(
      'Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.',
    );
    const tooMany = new ApiError(429, 'too many searches: try again in 30 s', {
      code: 'rate-limited',
      messageId: 'terlalu banyak pencarian: coba lagi dalam 30 detik',
    });
    expect(identitySearchFailureText({ kind: 'failed', error: tooMany }, tIn('id'), 'id')).toBe('terlalu banyak pencarian: coba lagi dalam 30 detik');
    expect(identitySearchFailureText({ kind: 'failed', error: tooMany }, tIn('en'), 'en')).toBe('too many searches: try again in 30 s');
  });
});
