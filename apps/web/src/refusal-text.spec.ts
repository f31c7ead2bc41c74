import { ApiError, refusalText } from './api';

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
    expect(refusalText(new ApiError(500, 'something went wrong', { message: 'something went wrong' }), 'id')).toBe('something went wrong');
    expect(refusalText(new Error('network down'), 'id')).toBe('network down');
  });
});
