import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/** A sealed value that cannot be opened with this key (another key, or damaged). */
export const UNREADABLE = '[tidak dapat dibuka: kunci enkripsi lain]';

/**
 * Encrypts confidential form values at rest (AES-256-GCM, UU 27/2022): each value is sealed on its
 * own with a random IV and the field id as associated data (a value cannot be moved to another
 * field), and carries the id of the key that sealed it. Values without the prefix (written before
 * encryption) are returned as they are.
 *
 * @example
 * const cipher = new FieldCipher(randomBytes(32));
 * const stored = cipher.sealFields({ nama: 'Ni Made Ayu', isi: '…' }, ['nama']); // nama: 'enc:v1:…'
 * cipher.openFields(stored).nama; // 'Ni Made Ayu'
 */
export class FieldCipher {
  /** The first 8 hex digits of the key's SHA-256: which key sealed a value. */
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error(`the data key must be 32 bytes, got ${key.length}`);
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  seal(field: string, text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(field, 'utf8'));
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.keyId}:${iv.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
  }

  /** The plain text of a sealed value; UNREADABLE when another key sealed it or it was altered. */
  open(field: string, value: string): string {
    if (!value.startsWith(PREFIX)) return value;
    const parts = value.slice(PREFIX.length).split(':');
    const [keyId, iv, tag] = parts;
    const body = parts.at(3);
    if (keyId !== this.keyId || !iv || !tag || body === undefined) return UNREADABLE;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(field, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return UNREADABLE;
    }
  }

  /** The form data with the named fields' text values sealed (others as they are). */
  sealFields(data: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { ...data };
    for (const field of fields) {
      const value = out[field];
      if (typeof value === 'string' && !value.startsWith(PREFIX)) out[field] = this.seal(field, value);
    }
    return out;
  }

  /** The form data with every sealed value opened. */
  openFields(data: Record<string, unknown>): Record<string, unknown> {
    let out: Record<string, unknown> | null = null;
    for (const [field, value] of Object.entries(data)) {
      if (typeof value === 'string' && value.startsWith(PREFIX)) {
        out ??= { ...data };
        out[field] = this.open(field, value);
      }
    }
    return out ?? data;
  }
}

/** Whether a stored value is sealed. */
export function isSealed(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** The key id a sealed value names, or null. */
export function keyIdOf(value: string): string | null {
  return value.startsWith(PREFIX) ? (value.slice(PREFIX.length).split(':')[0] ?? null) : null;
}
