import { randomBytes } from 'node:crypto';
import { AttachmentSealer, SEAL_OVERHEAD, UnreadableAttachmentError } from './attachment-seal';
import { contentDisposition } from './content-disposition';

function seal(sealer: AttachmentSealer, key: string, content: Buffer): Buffer {
  const { header, cipher } = sealer.begin(key);
  return Buffer.concat([header, cipher.update(content.subarray(0, 10)), cipher.update(content.subarray(10)), cipher.final(), AttachmentSealer.tagOf(cipher)]);
}

describe('AttachmentSealer', () => {
  const key = 'a'.repeat(32);
  const content = Buffer.from('%PDF-1.7 surat pengantar RT 05 atas nama Ni Luh Sari');

  it('opens what it sealed; the sealed bytes do not hold the content', () => {
    const sealer = new AttachmentSealer(randomBytes(32));
    const sealed = seal(sealer, key, content);
    expect(sealed.length).toBe(content.length + SEAL_OVERHEAD);
    expect(sealed.includes(Buffer.from('Ni Luh Sari'))).toBe(false);
    expect(sealer.open(key, sealed).equals(content)).toBe(true);
  });

  it('refuses another key, another attachment (a file moved under another row) and an altered byte', () => {
    const sealer = new AttachmentSealer(randomBytes(32));
    const sealed = seal(sealer, key, content);
    expect(() => new AttachmentSealer(randomBytes(32)).open(key, sealed)).toThrow(UnreadableAttachmentError);
    expect(() => sealer.open('b'.repeat(32), sealed)).toThrow('the file was altered or sealed with another key');
    const altered = Buffer.from(sealed);
    altered[SEAL_OVERHEAD] ^= 1;
    expect(() => sealer.open(key, altered)).toThrow(UnreadableAttachmentError);
    expect(() => sealer.open(key, Buffer.from('plain'))).toThrow('not a sealed attachment');
  });
});

describe('contentDisposition', () => {
  it('offers the name as a download, with an ASCII stand-in for old browsers', () => {
    expect(contentDisposition('KTP Wayan.jpg')).toBe(`attachment; filename="KTP Wayan.jpg"; filename*=UTF-8''KTP%20Wayan.jpg`);
    expect(contentDisposition('Surat – Ni Luh "baru".pdf')).toBe(
      `attachment; filename="Surat  Ni Luh _baru_.pdf"; filename*=UTF-8''Surat%20%E2%80%93%20Ni%20Luh%20%22baru%22.pdf`,
    );
  });
});
