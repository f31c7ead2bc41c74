/** A ticket filed on this device, kept so that the citizen can find it again. */
export interface SavedTicket {
  ticket: string;
  sop: string;
  regency: string;
  filedAt: string;
}

const KEY = 'sop.public.tickets';
/** How many of the latest tickets are kept. */
export const SAVED_TICKETS_MAX = 5;

/** The tickets filed on this device, latest first (none when storage is unavailable or garbled). */
export function savedTickets(storage: Pick<Storage, 'getItem'> | null = safeStorage()): SavedTicket[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter((t: unknown): t is SavedTicket => {
        if (typeof t !== 'object' || t === null) return false;
        const saved = t as Partial<Record<keyof SavedTicket, unknown>>;
        return typeof saved.ticket === 'string' && typeof saved.regency === 'string';
      })
      .slice(0, SAVED_TICKETS_MAX);
  } catch {
    return [];
  }
}

/** Keeps a ticket first in the list (once), dropping the oldest beyond {@link SAVED_TICKETS_MAX}. */
export function saveTicket(ticket: SavedTicket, storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()): SavedTicket[] {
  const next = [ticket, ...savedTickets(storage).filter((t) => t.ticket !== ticket.ticket)].slice(0, SAVED_TICKETS_MAX);
  try {
    storage?.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage full or refused: the ticket is still shown on screen */
  }
  return next;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
