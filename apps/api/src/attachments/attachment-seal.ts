import { createCipheriv, createDecipheriv, createHash, randomBytes, type CipherGCM } from 'node:crypto';

/** The first bytes of a sealed attachment: format 1. */
const MAGIC = Buffer.from('SOPA1', 'ascii');
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bytes a sealed file has beyond its content. */
export const SEAL_OVERHEAD = MAGIC.length + KEY_ID_BYTES + IV_BYTES + TAG_BYTES;

/** A sealed attachment that cannot be opened (another key, or altered). */
export class UnreadableAttachmentError extends Error {}

/**
 * Seals attachments at rest with the data key (AES-256-GCM, the key of the confidential form
 * values): `SOPA1`, the key id (8 hex digits, as FieldCipher names keys), a random IV, the
 * ciphertext, the tag. The storage key is the associated data, so a file cannot be swapped for
 * another attachment's. Sealing streams; opening reads the whole file (at most 20 MB) and checks
 * the tag before a single byte is given out.
 */
export class AttachmentSealer {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error(`the data key must be 32 bytes, got ${key.length}`);
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** A sealing stream for one file: its header, then `update` per chunk, then `final` (the tag). */
  begin(storageKey: string): { header: Buffer; cipher: CipherGCM } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(storageKey, 'ascii'));
    return { header: Buffer.concat([MAGIC, Buffer.from(this.keyId, 'ascii'), iv]), cipher };
  }

  /** The tag to write after the last chunk. */
  static tagOf(cipher: CipherGCM): Buffer {
    return cipher.getAuthTag();
  }

  open(storageKey: string, sealed: Buffer): Buffer {
    if (sealed.length < SEAL_OVERHEAD || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) throw new UnreadableAttachmentError('not a sealed attachment');
    const keyId = sealed.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).toString('ascii');
    if (keyId !== this.keyId) throw new UnreadableAttachmentError(`sealed with another data key (key id ${keyId}; this one is ${this.keyId})`);
    const ivAt = MAGIC.length + KEY_ID_BYTES;
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(ivAt, ivAt + IV_BYTES));
    decipher.setAAD(Buffer.from(storageKey, 'ascii'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(sealed.subarray(ivAt + IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new UnreadableAttachmentError('the file was altered or sealed with another key');
    }
  }
}
