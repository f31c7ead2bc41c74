export type TicketInput = { ok: true; ticket: string } | { ok: false; reason: 'empty' | 'bad' };

/**
 * A ticket number as typed into the lookup box, ready for `/tiket/{ticket}`: spaces dropped, upper
 * case, the dash put back when it was left out ("bul 7k4q9p" → "BUL-7K4Q9P"). The API does the rest
 * (letters read as digits), and says when there is no such ticket.
 */
export function readTicketInput(input: string): TicketInput {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (compact === '') return { ok: false, reason: 'empty' };
  if (!/^[A-Z0-9-]{1,40}$/.test(compact)) return { ok: false, reason: 'bad' };
  const ticket = /^[A-Z]{3}[0-9A-Z]{6}$/.test(compact) ? `${compact.slice(0, 3)}-${compact.slice(3)}` : compact;
  return { ok: true, ticket };
}
