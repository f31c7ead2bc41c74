import { reject, type Rejection } from './rejection';

export type EmailCheck = { ok: true; email: string } | Rejection;

const MAX_LENGTH = 254;
const EXAMPLE = 'nama@example.com';

/**
 * Checks an e-mail address pragmatically: trimmed, at most 254 characters, no spaces, exactly one
 * `@` with something before it, and a domain with a dot between non-empty parts. The domain is
 * lower-cased; the part before the `@` is kept as written. Whether the mailbox exists is not checked.
 *
 * @example
 * ```ts
 * checkEmail(' Wayan.Sari@Gmail.COM '); // { ok: true, email: 'Wayan.Sari@gmail.com' }
 * checkEmail('wayan@gmail');            // { ok: false, code: 'email.domain', message: 'The part after the @ must be a domain with a dot …' }
 * ```
 */
export function checkEmail(value: unknown): EmailCheck {
  const s = String(value).trim();
  if (s === '') {
    return reject('email.empty', `Write an e-mail address, e.g. ${EXAMPLE}.`, `Tulis alamat email, misalnya ${EXAMPLE}.`);
  }
  const length = Array.from(s).length;
  if (length > MAX_LENGTH) {
    return reject(
      'email.too-long',
      `An e-mail address has at most ${MAX_LENGTH} characters; this one has ${length}: check it.`,
      `Alamat email paling panjang ${MAX_LENGTH} karakter, sedangkan yang ditulis ${length} karakter: periksa kembali.`,
    );
  }
  if (/\s/.test(s)) {
    return reject(
      'email.spaces',
      `An e-mail address has no spaces: check it, e.g. ${EXAMPLE}.`,
      `Alamat email tidak berisi spasi: periksa kembali, misalnya ${EXAMPLE}.`,
    );
  }
  const ats = s.split('@').length - 1;
  if (ats === 0) {
    return reject(
      'email.at',
      `An e-mail address has an @ between the name and the domain, e.g. ${EXAMPLE}.`,
      `Alamat email berisi @ di antara nama dan domain, misalnya ${EXAMPLE}.`,
    );
  }
  if (ats > 1) {
    return reject(
      'email.at',
      `An e-mail address has exactly one @; this one has ${ats}: check it.`,
      `Alamat email hanya berisi satu @, sedangkan yang ditulis berisi ${ats}: periksa kembali.`,
    );
  }
  const [local, domain] = s.split('@');
  if (local === '') {
    return reject('email.local', `Write the name before the @, e.g. ${EXAMPLE}.`, `Tulis nama sebelum @, misalnya ${EXAMPLE}.`);
  }
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) {
    return reject(
      'email.domain',
      `The part after the @ must be a domain with a dot, e.g. gmail.com or example.go.id; "${domain}" is not one.`,
      `Bagian setelah @ harus berupa domain yang memuat titik, misalnya gmail.com atau example.go.id; "${domain}" bukan domain.`,
    );
  }
  return { ok: true, email: `${local}@${domain.toLowerCase()}` };
}
