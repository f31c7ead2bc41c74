import { parse } from 'yaml';
import type { DocumentIds } from './schema-completion';

/** The ids a reference may point at, read from the text (or from its id lines while it does not parse). */
export function documentIds(text: string): DocumentIds {
  try {
    const doc = parse(text, { maxAliasCount: 100 }) as {
      lanes?: { id?: unknown }[];
      steps?: { id?: unknown }[];
      templates?: { id?: unknown }[];
      periodic?: { steps?: { id?: unknown }[] }[];
    } | null;
    const idsOf = (list: { id?: unknown }[] | undefined) =>
      Array.isArray(list) ? list.map((x) => x?.id).filter((x): x is string => typeof x === 'string') : [];
    return {
      lanes: idsOf(doc?.lanes),
      steps: [...idsOf(doc?.steps), ...(Array.isArray(doc?.periodic) ? doc.periodic.flatMap((p) => idsOf(p?.steps)) : [])],
      templates: idsOf(doc?.templates),
    };
  } catch {
    const ids = (section: string) => {
      const m = new RegExp(`^${section}:\\n((?:[ -].*\\n|\\n)*)`, 'm').exec(text);
      return m ? [...m[1].matchAll(/^ {0,2}- id: *([a-z][a-z0-9-]*)/gm)].map((x) => x[1]) : [];
    };
    return { lanes: ids('lanes'), steps: ids('steps'), templates: ids('templates') };
  }
}

/**
 * The ids, read from the text only when a completion asks for them (a reference's value): reading
 * them parses the whole text, too slow for every letter typed in a long SOP.
 */
export function lazyDocumentIds(text: string): DocumentIds {
  let ids: DocumentIds | undefined;
  const read = () => (ids ??= documentIds(text));
  return {
    get lanes() {
      return read().lanes;
    },
    get steps() {
      return read().steps;
    },
    get templates() {
      return read().templates;
    },
  };
}
