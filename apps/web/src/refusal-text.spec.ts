import { ApiError, apiErrorText, apiFetch, fieldErrorLine, NetworkError, refusalText, requestJson } from './api';

describe('refusalText', () => {
  const tooMany = new ApiError(429, 'too many ticket look-ups from your address: try again in 42 s', {
    statusCode: 429,
    message: 'too many ticket look-ups from your address: try again in 42 s',
    messageId: 'terlalu banyak pencarian tiket dari alamat Anda: coba lagi dalam 42 detik',
    retryAfterSeconds: 42,
  });

  it('says a refusal in Bahasa Indonesia where the API words it so', () => {
    expect(refusalText(tooMany, 'id')).toBe('terlalu banyak pencarian tiket dari alamat Anda: coba lagi dalam 42 detik');
  });

  it('keeps the API’s message in English, and where it has no Indonesian wording', () => {
    expect(refusalText(tooMany, 'en')).toBe('too many ticket look-ups from your address: try again in 42 s');
    expect(refusalText(new ApiError(400, 'something went wrong', { message: 'something went wrong' }), 'id')).toBe('something went wrong');
    expect(refusalText(new Error('network down'), 'id')).toBe('network down');
  });

  it("says the API's own words for a refusal it words in both languages, not the page's words for its code", () => {
    const body = {
      statusCode: 403,
      error: 'Forbidden',
      code: 'forbidden',
      message: 'you administer metro, not brebes',
      messageId: 'Anda administrator metro, bukan brebes',
    };
    const refused = new ApiError(403, body.message, body);
    expect(refusalText(refused, 'en')).toBe('you administer metro, not brebes');
    expect(refusalText(refused, 'id')).toBe('Anda administrator metro, bukan brebes');
    // without its Indonesian words: the code's in Bahasa Indonesia, the API's own in English (they say more)
    const plain = { ...body, messageId: undefined };
    expect(refusalText(new ApiError(403, plain.message, plain), 'id')).toBe('Akun Anda tidak berwenang untuk ini.');
    expect(refusalText(new ApiError(403, plain.message, plain), 'en')).toBe('you administer metro, not brebes');
    const gone = { statusCode: 404, code: 'not-found', message: 'no published SOP "brebes"' };
    expect(refusalText(new ApiError(404, gone.message, gone), 'en')).toBe('no published SOP "brebes"');
    expect(refusalText(new ApiError(404, gone.message, gone), 'id')).toBe('Tidak ditemukan.');
    // a code the page words more helpfully than the API: its words in both languages
    const signedOut = { statusCode: 401, code: 'unauthorized', message: 'Unauthorized' };
    expect(refusalText(new ApiError(401, signedOut.message, signedOut), 'en')).toBe(apiErrorText(signedOut, 'en'));
    expect(apiErrorText(signedOut, 'en')).not.toBe(signedOut.message);
  });

  it('puts a field error on one line: the Indonesian wording alone (it names the field), else the field code and the message', () => {
    const worded = { field: 'username', message: 'username is 3 to 64 lower-case letters', messageId: 'nama pengguna terdiri atas 3 sampai 64 huruf kecil' };
    expect(fieldErrorLine(worded, 'id')).toBe('nama pengguna terdiri atas 3 sampai 64 huruf kecil');
    expect(fieldErrorLine(worded, 'en')).toBe('username: username is 3 to 64 lower-case letters');
    expect(fieldErrorLine({ field: 'holidays[0].date', message: '2028-01-01 is not in 2027' }, 'id')).toBe('holidays[0].date: 2028-01-01 is not in 2027');
  });

  it('says the server could not be reached in the reader\'s words, not the browser\'s ("Failed to fetch")', async () => {
    const real = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      const failed = await requestJson('/api/sops').catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(NetworkError);
      expect(refusalText(failed, 'id')).toBe('Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.');
      expect(refusalText(failed, 'en')).toBe('The server could not be reached: check the connection, then try again.');
      // the browser's words stay with the error, for whoever is asked for help
      expect((failed as NetworkError).message).toContain('Failed to fetch');
      // a request the page cancelled is not a failure to reach the server
      const controller = new AbortController();
      controller.abort();
      globalThis.fetch = () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
      expect(await apiFetch('/api/sops', { signal: controller.signal }).catch((e: unknown) => e)).not.toBeInstanceOf(NetworkError);
    } finally {
      globalThis.fetch = real;
    }
  });

  it("words a server error: the API's own (logged) and a gateway's page without the API's body", () => {
    const internal = { statusCode: 500, code: 'internal', message: 'something went wrong on our side; it has been logged' };
    expect(refusalText(new ApiError(500, internal.message, internal), 'id')).toBe(
      'Terjadi kesalahan pada server (sudah dicatat): silakan coba beberapa saat lagi.',
    );
    expect(refusalText(new ApiError(500, internal.message, internal), 'en')).toBe(
      'Something went wrong on the server (it has been logged): try again in a moment.',
    );
    const gateway = new ApiError(502, 'HTTP 502', '<html><body>502 Bad Gateway</body></html>');
    expect(refusalText(gateway, 'id')).toBe('Server tidak merespons dengan semestinya (HTTP 502): silakan coba beberapa saat lagi.');
    expect(refusalText(gateway, 'en')).toBe('The server did not answer properly (HTTP 502): try again in a moment.');
    // a gateway's own JSON (no code of the API's): the same
    const timedOut = new ApiError(504, 'Endpoint request timed out', { message: 'Endpoint request timed out' });
    expect(refusalText(timedOut, 'id')).toBe('Server tidak merespons dengan semestinya (HTTP 504): silakan coba beberapa saat lagi.');
  });
});
