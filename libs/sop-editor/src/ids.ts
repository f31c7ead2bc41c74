import { CommandError } from './command-error';
import type { LocalizedText } from './editor-state';

const ID = /^[a-z][a-z0-9-]*$/;
const MAX_ID = 64;

/**
 * Turns a text into an id of the schema's form: lower-case ASCII letters, digits and dashes,
 * starting with a letter, from the text's first words.
 *
 * @example
 * slugify('Periksa pengaduan ke Kasi') // 'periksa-pengaduan-ke-kasi'
 */
export function slugify(text: string, maxWords = 4): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let id = '';
  for (const word of words.slice(0, maxWords)) {
    const next = id ? `${id}-${word}` : word;
    if (next.length > 40) break;
    id = next;
  }
  return id.replace(/^[0-9-]+/, '');
}

/** `base`, or `base-2`, `base-3`… when taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base.slice(0, MAX_ID - String(i).length - 1)}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Refuses an id that does not match the schema's Id pattern or is already taken. */
export function checkNewId(id: string, what: LocalizedText, taken: ReadonlySet<string>): void {
  if (!ID.test(id) || id.length > MAX_ID) {
    throw new CommandError('invalid-id', {
      en: `"${id}" is not a valid ${what.en} id: use lower-case letters, digits and dashes, starting with a letter (at most ${MAX_ID} characters)`,
      id: `"${id}" bukan id ${what.id} yang sah: gunakan huruf kecil, angka dan tanda hubung, diawali huruf (paling banyak ${MAX_ID} karakter)`,
    });
  }
  if (taken.has(id)) {
    throw new CommandError('duplicate-id', {
      en: `${what.en} id "${id}" is already used: choose another id`,
      id: `id ${what.id} "${id}" sudah dipakai: pilih id lain`,
    });
  }
}
