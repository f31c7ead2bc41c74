import { loadedFromFile } from '@sop/api-contract';
import type { SopVersionFacts } from '../api';
import type { Translate } from '../i18n';

/**
 * A version's change note as the page shows it: the author's words as written, and the API's own note
 * on a version it published from its SOP folder ("loaded from sops/metro.yaml") in the page's words.
 */
export function changeNoteText(v: Pick<SopVersionFacts, 'changeNote' | 'publishedBy'>, t: Translate): string {
  const file = v.publishedBy === null ? loadedFromFile(v.changeNote) : null;
  return file ? t('proposalsLoadedFromFile', { file }) : (v.changeNote ?? '—');
}
