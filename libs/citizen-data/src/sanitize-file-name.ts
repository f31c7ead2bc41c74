import { FILE_TYPES } from './sniff-file-type';

/** The longest file name kept, in characters (the extension included). */
export const MAX_FILE_NAME_LENGTH = 120;
/** The name given to a file sent without a usable one. */
export const DEFAULT_FILE_NAME = 'lampiran';

/**
 * A file name as sent by a browser, made safe to store and to offer for download: only the last
 * part of a path (`../../etc/passwd` → `passwd`, `C:\fakepath\ktp.jpg` → `ktp.jpg`); without control
 * characters (NUL among them), bidirectional overrides (which make `gpj.exe` read as `exe.jpg`),
 * characters Windows refuses (`<>:"|?*`) and leading dots; spaces collapsed; Unicode NFC; at most
 * {@link MAX_FILE_NAME_LENGTH} characters. When `type` is given and the name does not end with one
 * of its extensions, the right one is added (`foto.exe` as a JPEG → `foto.exe.jpg`), so that the
 * name never makes a computer open the file as something else.
 *
 * @example
 * ```ts
 * sanitizeFileName('../../etc/passwd');             // 'passwd'
 * sanitizeFileName('KTP\u0000.php', 'image/jpeg');   // 'KTP.php.jpg'
 * sanitizeFileName('surat pengantar.PDF', 'application/pdf'); // 'surat pengantar.PDF'
 * ```
 */
export function sanitizeFileName(name: string, type?: string): string {
  const last = name.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let clean = last
    .replace(/[\t\n\r\f\v]/g, ' ')
    // C0 and C1 controls, DEL, bidirectional marks and overrides, zero-width characters, BOM
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const extensions = type ? (FILE_TYPES[type]?.extensions ?? []) : [];
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (clean === '') clean = DEFAULT_FILE_NAME;
  const suffix = extensions.length && !extensions.includes(extension) ? `.${extensions[0]}` : '';
  const chars = Array.from(clean);
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  if (chars.length > room) {
    // keep the extension the name has when it is cut
    const keep = !suffix && dot > 0 ? Array.from(clean.slice(dot)) : [];
    clean =
      chars
        .slice(0, room - keep.length)
        .join('')
        .trimEnd() + keep.join('');
  }
  return clean + suffix;
}
