import { fromPointer } from '@sop/model';
import { isCollection, isMap, isScalar, isSeq, YAMLMap, type Node } from 'yaml';
import { CommandError } from './command-error';
import { defineCommand } from './define-command';
import { keyOrderAt } from './key-order';
import type { SopCommand } from './sop-command';

export interface SopUpdateParams {
  /** JSON pointer of the value, e.g. `/identity/title`, `/sections/dasarHukum/2`, `/lanes/1/role`. */
  pointer: string;
  /**
   * The new value (text, number, boolean, null, a list or an object). `undefined` removes the
   * property or list item. In a list, the index equal to its length (or `-`) appends.
   */
  value: unknown;
  /** What the field is called where it was edited (e.g. Nama SOP / SOP title): the undo menu names it instead of the pointer. */
  label?: { id: string; en: string };
}

const invalid = (pointer: string, en: string, id: string): CommandError =>
  new CommandError('invalid-pointer', { en: `cannot set ${pointer}: ${en}`, id: `tidak dapat mengisi ${pointer}: ${id}` });

/** A collection written `{ … }` or `[ … ]` with something in it (an empty `[]` says nothing of style). */
function isFlow(node: unknown): boolean {
  return isCollection(node) && node.flow === true && node.items.length > 0;
}

/**
 * Sets any value of the SOP by JSON pointer: the properties panel's edits of the identity block,
 * the calendar, the SOP-AP sections, the intake and the templates. Missing objects on the way are
 * created; a new key goes where the schema orders it; a new object or list in a list whose items
 * are written `{ … }` is written the same way. Steps, lanes and transitions have commands of
 * their own, which keep references intact; prefer them. Refuses the empty pointer (the whole
 * document is the YAML pane's) and pointers through a text or past the end of a list.
 *
 * @example
 * sopUpdate({ pointer: '/identity/dates/revisi', value: 'Maret 2024' }).apply(state)
 * sopUpdate({ pointer: '/sections/dasarHukum/-', value: 'Permendagri Nomor 109 Tahun 2019' }).apply(state)
 */
export function sopUpdate(params: SopUpdateParams): SopCommand<SopUpdateParams> {
  const { pointer, value } = params;
  return defineCommand(
    'sop.update',
    params,
    (lang) => {
      const what = params.label ? params.label[lang === 'en' ? 'en' : 'id'] : pointer;
      return value === undefined ? (lang === 'en' ? `Remove ${what}` : `Hapus ${what}`) : lang === 'en' ? `Set ${what}` : `Ubah ${what}`;
    },
    (sop) => {
      const segments = fromPointer(pointer);
      if (segments.length === 0) {
        throw invalid('the document', 'the whole document is edited in the YAML pane', 'seluruh dokumen diubah di panel YAML');
      }
      const path: (string | number)[] = [];
      let node: unknown = sop.root;
      for (const segment of segments.slice(0, -1)) {
        if (isMap(node)) {
          let child: unknown = node.get(segment, true);
          if (child === undefined || child === null || (isScalar(child) && child.value === null)) {
            child = new YAMLMap(sop.doc.schema);
            sop.setKey(node, segment, child, keyOrderAt(path));
          }
          node = child;
          path.push(segment);
        } else if (isSeq(node)) {
          const index = Number(segment);
          if (!Number.isInteger(index) || index < 0 || index >= node.items.length) {
            throw invalid(pointer, `the list ${'/' + path.join('/')} has no item ${segment}`, `daftar ${'/' + path.join('/')} tidak memiliki butir ${segment}`);
          }
          node = node.items[index];
          path.push(index);
        } else {
          throw invalid(pointer, `${'/' + path.join('/')} is not an object or a list`, `${'/' + path.join('/')} bukan objek atau daftar`);
        }
      }
      const last = segments[segments.length - 1];
      const make = (flow: boolean): unknown => (value !== null && typeof value === 'object' ? sop.node(value, flow) : value);
      if (isMap(node)) {
        if (value === undefined) {
          node.delete(last);
          return;
        }
        sop.setKey(node, last, make(isFlow(node.get(last, true)) || node.flow === true), keyOrderAt(path));
      } else if (isSeq(node)) {
        const index = last === '-' ? node.items.length : Number(last);
        if (!Number.isInteger(index) || index < 0 || index > node.items.length || (value === undefined && index === node.items.length)) {
          throw invalid(pointer, `the list has ${node.items.length} items`, `daftar ini memiliki ${node.items.length} butir`);
        }
        if (value === undefined) {
          sop.removeItem(node, index);
          return;
        }
        const existing = node.items[index] as Node | undefined;
        if (existing && isScalar(existing) && (value === null || typeof value !== 'object')) {
          if (existing.value !== value) {
            existing.value = value;
            existing.comment = undefined;
          }
          return;
        }
        const item = make(isFlow(existing ?? node.items[0]) || node.flow === true);
        const created = isScalar(item) || isCollection(item) ? item : sop.node(item);
        if (existing) {
          created.spaceBefore = existing.spaceBefore;
          created.commentBefore = existing.commentBefore;
          node.items[index] = created;
        } else sop.insertItem(node, index, created);
      } else {
        throw invalid(pointer, `${'/' + path.join('/')} is not an object or a list`, `${'/' + path.join('/')} bukan objek atau daftar`);
      }
    },
  );
}
