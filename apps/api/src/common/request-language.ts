import type { IncomingHttpHeaders } from 'node:http';
import type { IssueLanguage } from '@sop/model';

/**
 * The language a request asks its messages in: `?lang=id|en` first, then the first of
 * `Accept-Language` that is Indonesian (`id`, or the old `in`) or English, by its weight. Without
 * either the API answers in English, as it always did (scripts and tests read English); the web app
 * sends its page's language. (docs/adr/0024-issue-messages-by-code.md)
 */
export function requestLanguage(req: { query?: unknown; headers: IncomingHttpHeaders }): IssueLanguage {
  const asked = (req.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'id' || asked === 'en') return asked;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  const ranges = header
    .slice(0, 500)
    .split(',')
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((r) => /^\s*q=([0-9.]+)\s*$/.exec(r)?.[1]).find((v) => v !== undefined);
      return { base: tag.trim().toLowerCase().split('-')[0], weight: q === undefined ? 1 : Number(q) || 0, index };
    })
    .filter((r) => r.weight > 0 && (r.base === 'id' || r.base === 'in' || r.base === 'en'))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranges.length && ranges[0].base !== 'en' ? 'id' : 'en';
}
