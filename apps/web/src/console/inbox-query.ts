import type { InboxQuery } from './console-api';

/** The inbox's filters as kept in the query string (`?status=open&overdue=true&ticket=BUL-7K`). */
export function readInboxQuery(search: string): InboxQuery {
  const p = new URLSearchParams(search);
  const overdue = p.get('overdue');
  const page = Number(p.get('page'));
  return {
    status: p.get('status') === 'done' ? 'done' : p.get('status') === 'scheduled' ? 'scheduled' : 'open',
    overdue: overdue === 'true' || overdue === 'false' ? overdue : '',
    channel: p.get('channel') ?? '',
    step: p.get('step') ?? '',
    ticket: p.get('ticket') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for filters; defaults are left out so that a plain /inbox stays plain. */
export function writeInboxQuery(q: InboxQuery): string {
  const p = new URLSearchParams();
  if (q.status !== 'open') p.set('status', q.status);
  if (q.overdue) p.set('overdue', q.overdue);
  if (q.channel) p.set('channel', q.channel);
  if (q.step) p.set('step', q.step);
  if (q.ticket) p.set('ticket', q.ticket);
  if (q.page > 1) p.set('page', String(q.page));
  const text = p.toString();
  return text ? `?${text}` : '';
}
