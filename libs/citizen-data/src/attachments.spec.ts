import { validateSop } from '@sop/model';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentLimitsOf, sizeText } from './attachment-limits';
import { isAttachmentToken } from './attachment-token';
import { checkFormSubmission } from './check-form-submission';
import { ATTACHMENT_PLACEHOLDER, maskFormData } from './mask-form-data';
import { sanitizeFileName } from './sanitize-file-name';
import { fileTypesText, RECOGNISED_FILE_TYPES, sniffFileType } from './sniff-file-type';

const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? Array.from(v, (c) => c.charCodeAt(0)) : [v])));
const TOKEN = 'att_AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('sniffFileType: the kind of a file from its content', () => {
  it.each([
    ['a JPEG photo (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'), 'image/jpeg'],
    ['a JPEG from a phone camera (Exif)', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 'Exif'), 'image/jpeg'],
    ['a PNG screenshot', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'IHDR'), 'image/png'],
    ['a PDF letter', bytes('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
    ['a GIF', bytes('GIF89a', 1, 0, 1, 0), 'image/gif'],
    ['a WebP image', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 '), 'image/webp'],
    ['an iPhone HEIC photo', bytes(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0), 'image/heic'],
    ['a HEIF image', bytes(0, 0, 0, 0x18, 'ftypmif1', 0, 0, 0, 0), 'image/heif'],
  ])('recognises %s', (_, head, type) => {
    expect(sniffFileType(head)).toBe(type);
  });

  it.each([
    ['an HTML page named ktp.jpg', bytes('<html><script>alert(1)</script>')],
    ['a Windows program', bytes('MZ', 0x90, 0, 3, 0, 0, 0)],
    ['a ZIP (or a Word document)', bytes('PK', 3, 4, 0x14, 0)],
    ['an SVG (scripts inside an image)', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['plain text', bytes('KTP saya hilang')],
    ['a video in an ISO container', bytes(0, 0, 0, 0x18, 'ftypmp42', 0, 0, 0, 0)],
    ['nothing', bytes()],
    ['a JPEG cut after two bytes', bytes(0xff, 0xd8)],
  ])('refuses %s', (_, head) => {
    expect(sniffFileType(head)).toBeNull();
  });

  it('names the kinds as people know them', () => {
    expect(fileTypesText(['image/jpeg', 'image/png', 'application/pdf'])).toBe('JPEG, PNG or PDF');
    expect(fileTypesText(['image/jpeg', 'image/png', 'application/pdf'], 'id')).toBe('JPEG, PNG atau PDF');
    expect(fileTypesText(['application/pdf'], 'id')).toBe('PDF');
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['../../etc/passwd', undefined, 'passwd'],
    ['..\\..\\windows\\system32\\drivers\\etc\\hosts', undefined, 'hosts'],
    ['C:\\fakepath\\ktp.jpg', 'image/jpeg', 'ktp.jpg'],
    ['KTP\u0000.php', 'image/jpeg', 'KTP.php.jpg'],
    ['foto.exe', 'image/jpeg', 'foto.exe.jpg'],
    ['surat pengantar.PDF', 'application/pdf', 'surat pengantar.PDF'],
    ['foto\u202egpj.exe', 'image/png', 'fotogpj.exe.png'],
    ['  .hidden  ', 'image/png', 'hidden.png'],
    ['..', 'image/png', 'lampiran.png'],
    ['', undefined, 'lampiran'],
    ['a<b>c:"d|e?f*.pdf', 'application/pdf', 'abcdef.pdf'],
    ['Foto   KTP\tbaru.jpeg', 'image/jpeg', 'Foto KTP baru.jpeg'],
  ])('%j → %j', (name, type, expected) => {
    expect(sanitizeFileName(name, type)).toBe(expected);
  });

  it('cuts a long name to 120 characters and keeps its extension', () => {
    const cut = sanitizeFileName(`${'a'.repeat(300)}.pdf`, 'application/pdf');
    expect(Array.from(cut)).toHaveLength(120);
    expect(cut.endsWith('a.pdf')).toBe(true);
  });
});

describe('attachmentLimitsOf', () => {
  it('takes JPEG, PNG and PDF up to 5 MB when the SOP does not say', () => {
    expect(attachmentLimitsOf({})).toEqual({ accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 5 * 1024 * 1024, maxSizeMb: 5 });
  });

  it("takes the field's own types and size", () => {
    expect(attachmentLimitsOf({ accept: ['application/pdf'], maxSizeMb: 0.5 })).toEqual({ accept: ['application/pdf'], maxBytes: 524288, maxSizeMb: 0.5 });
  });

  it('writes sizes as people read them', () => {
    expect(sizeText(860_000)).toBe('840 KB');
    expect(sizeText(4.25 * 1024 * 1024)).toBe('4.3 MB');
    expect(sizeText(4.25 * 1024 * 1024, 'id')).toBe('4,3 MB');
  });
});

describe('a file field on a form', () => {
  const FORM = [
    { id: 'nama', label: 'Nama', type: 'text' as const, required: true },
    { id: 'ktp', label: 'Foto KTP', type: 'file' as const, required: true },
    { id: 'surat', label: 'Surat pengantar', type: 'file' as const },
  ];

  it('holds the token of an uploaded file', () => {
    expect(isAttachmentToken(TOKEN)).toBe(true);
    expect(checkFormSubmission(FORM, { nama: 'Wayan', ktp: ` ${TOKEN} ` })).toEqual({ ok: true, values: { nama: 'Wayan', ktp: TOKEN } });
  });

  it('is required like any field: a required file field needs its file', () => {
    const result = checkFormSubmission(FORM, { nama: 'Wayan' });
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ field: 'ktp', code: 'field.required', messageId: '"Foto KTP" wajib diisi.' })] });
  });

  it('refuses a file name, a path, a list or the file itself in place of the token', () => {
    const result = checkFormSubmission(FORM, { nama: 'Wayan', ktp: '../../data/data-key', surat: [TOKEN, TOKEN] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      expect.objectContaining({
        field: 'ktp',
        code: 'file.token',
        message: expect.stringContaining('"Foto KTP" must be the token of an uploaded file'),
        messageId: expect.stringContaining('pilih berkasnya lagi'),
      }),
      expect.objectContaining({ field: 'surat', code: 'field.type', message: expect.stringContaining('a list was sent') }),
    ]);
    expect(checkFormSubmission(FORM, { nama: 'Wayan', ktp: 'data:image/jpeg;base64,/9j/4AAQ' })).toMatchObject({
      ok: false,
      issues: [{ field: 'ktp', code: 'file.token' }],
    });
  });

  it('shows a placeholder in the masked view, never the token', () => {
    expect(maskFormData(FORM, { nama: 'Wayan Sudarma', ktp: TOKEN })).toEqual({ nama: 'Wayan Sudarma', ktp: ATTACHMENT_PLACEHOLDER });
    expect(
      maskFormData(
        FORM.map((f) => ({ ...f, confidential: true })),
        { nama: 'Wayan Sudarma', ktp: TOKEN },
      ),
    ).toEqual({ nama: 'W••• S•••', ktp: ATTACHMENT_PLACEHOLDER });
  });
});

describe('the SOP validator and the sniffer agree', () => {
  const base = readFileSync(join(__dirname, '../../sop-model/src/__fixtures__/valid/with-attachment.yaml'), 'utf8');
  const withFileField = (accept: string[]) => base.replace('maxSizeMb: 1 }', `accept: [${accept.join(', ')}] }`);

  it('a file field may accept every kind the sniffer recognises', () => {
    const text = withFileField([...RECOGNISED_FILE_TYPES]);
    expect(text).toContain('accept: [image/jpeg, image/png, image/webp');
    expect(validateSop(text, { file: 'x.yaml' }).issues).toEqual([]);
  });

  it('a kind the sniffer cannot recognise is an error in the SOP', () => {
    const result = validateSop(withFileField(['image/tiff']), { file: 'x.yaml' });
    expect(result.issues.map((i) => i.code)).toEqual(['file-type-unrecognised']);
  });
});
