import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { checkNikOrKk, normalizeLandline, normalizePhone } from '@sop/citizen-data';
import type { FormField } from '@sop/model';

/** What a blind index is made of: a NIK (16 digits) or a phone number (+62…, landlines too). */
export type IdentityKind = 'nik' | 'phone';

/** Field types whose value is a NIK, and those whose value is a phone number (the first of each is indexed). */
const NIK_TYPES = new Set<string>(['nik', 'nik-or-kk']);
const PHONE_TYPES = new Set<string>(['phone', 'landline', 'phone-or-landline']);

/** The digits of a NIK however written (spaces, dots, dashes), or null when it is not 16 digits. */
export function normalNik(value: string): string | null {
  const digits = value.replace(/[\s.\-\u2010-\u2015]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

/** A phone number as stored (+62…): 08…, 628…, +628… are one number; a landline with its area code too. Null when neither. */
export function normalPhone(value: string): string | null {
  const mobile = normalizePhone(value);
  if (mobile.ok) return mobile.e164;
  const line = normalizeLandline(value);
  return line.ok ? line.e164 : null;
}

/**
 * The blind index of the complainant's identity (docs/adr/0023): a keyed HMAC-SHA-256 of the
 * normalised NIK and phone, so that a case is found by them without the database holding them in
 * a readable or guessable form (a NIK has few enough values to be guessed from a plain hash). The
 * key is derived from the data key (HKDF), so every API process computes the same index.
 *
 * @example
 * const index = new IdentityIndex(dataKey);
 * index.of('phone', '0812-3456-7890') === index.of('phone', '+62 812 3456 7890'); // true
 */
export class IdentityIndex {
  /** Which key made an index (the first 8 hex digits of the index key's SHA-256): a case made under another is indexed again. */
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(dataKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'sop-platform identity blind index v1', 32));
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 8);
  }

  /** The index of a value as typed, or null when it is not a NIK / phone number. */
  of(kind: IdentityKind, value: string): string | null {
    const normal = kind === 'nik' ? normalNik(value) : normalPhone(value);
    return normal === null ? null : createHmac('sha256', this.key).update(`${kind}:${normal}`).digest('hex');
  }

  /** The indexes of a complaint's form (the first NIK field and the first phone field with a value). */
  ofForm(fields: readonly Pick<FormField, 'id' | 'type'>[], values: Record<string, unknown>): { nik: string | null; phone: string | null } {
    const first = (types: Set<string>, kind: IdentityKind): string | null => {
      for (const field of fields) {
        const value = values[field.id];
        if (!types.has(field.type) || typeof value !== 'string' || !value) continue;
        const hash = this.of(kind, value);
        if (hash) return hash;
      }
      return null;
    };
    return { nik: first(NIK_TYPES, 'nik'), phone: first(PHONE_TYPES, 'phone') };
  }
}

/** Whether a typed NIK passes the offline checks (used to refuse an override that is not needed). */
export function nikIsValid(value: string): boolean {
  return checkNikOrKk(value).ok;
}
