/** What each recognised kind of file is called for people, and the extensions it goes by. */
export const FILE_TYPES: Readonly<Partial<Record<string, { label: string; extensions: readonly string[] }>>> = {
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'] },
  'image/png': { label: 'PNG', extensions: ['png'] },
  'image/webp': { label: 'WebP', extensions: ['webp'] },
  'image/gif': { label: 'GIF', extensions: ['gif'] },
  'image/heic': { label: 'HEIC', extensions: ['heic'] },
  'image/heif': { label: 'HEIF', extensions: ['heif'] },
  'application/pdf': { label: 'PDF', extensions: ['pdf'] },
};

/** The MIME types {@link sniffFileType} recognises: the only ones a file field may accept. */
export const RECOGNISED_FILE_TYPES: readonly string[] = Object.keys(FILE_TYPES);

/** How many leading bytes {@link sniffFileType} needs to decide. */
export const SNIFF_BYTES = 16;

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

/**
 * The kind of a file from its first bytes (its "magic number"), never from its name or from what
 * the sender says it is: JPEG, PNG, WebP, GIF, HEIC/HEIF (phone cameras) and PDF; null for anything
 * else (an executable, an HTML page, a ZIP, a text file renamed .jpg).
 *
 * @example
 * ```ts
 * sniffFileType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));      // 'image/jpeg'
 * sniffFileType(new TextEncoder().encode('%PDF-1.7\n'));          // 'application/pdf'
 * sniffFileType(new TextEncoder().encode('<html><script>'));      // null
 * ```
 */
export function sniffFileType(head: Uint8Array): string | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('ftyp'), 4) && head.length >= 12) {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (['heic', 'heix', 'hevc', 'hevx'].includes(brand)) return 'image/heic';
    if (['mif1', 'msf1', 'heim', 'heis'].includes(brand)) return 'image/heif';
  }
  return null;
}

/** The kinds of file as people name them: "JPEG, PNG or PDF" ("JPEG, PNG atau PDF"). */
export function fileTypesText(types: readonly string[], lang: 'en' | 'id' = 'en'): string {
  const labels = types.map((t) => FILE_TYPES[t]?.label ?? t);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} ${lang === 'id' ? 'atau' : 'or'} ${labels[labels.length - 1]}`;
}
