import { readConfig } from '../config';
import { newTicket, normalizeTicket, TICKET_CODES, TICKET_PATTERN } from './tickets';

describe('tickets', () => {
  it('are the regency prefix and six characters of Crockford base32, drawn at random', () => {
    const drawn = Array.from({ length: 2000 }, () => newTicket('buleleng'));
    for (const t of drawn) expect(t).toMatch(TICKET_PATTERN);
    expect(new Set(drawn).size).toBe(drawn.length);
    // every character of the alphabet turns up in every position
    for (let i = 4; i < 10; i++) expect(new Set(drawn.map((t) => t[i])).size).toBe(32);
    expect(normalizeTicket(' bul-7k4q9o ')).toBe('BUL-7K4Q90');
    // text after a second dash is not cut off: BUL-7K4Q9P-1 is no ticket, not BUL-7K4Q9P
    expect(TICKET_PATTERN.test(normalizeTicket('BUL-7K4Q9P-1'))).toBe(false);
  });

  it('make guessing from one address, within the default limits, find about one ticket in 150 days at 10,000 live tickets', () => {
    expect(TICKET_CODES).toBe(32 ** 6);
    const live = 10_000;
    const { ticketMisses, ticketLookups } = readConfig({ AUTH_SECRET: 'x'.repeat(40) }, '/tmp').limits;
    // almost every guess misses: the limit on misses is the one that binds
    const guessesPerDay = Math.min(ticketMisses.limit * (86_400 / ticketMisses.windowSeconds), ticketLookups.limit * (86_400 / ticketLookups.windowSeconds));
    expect(guessesPerDay).toBe(720);
    const foundPerDay = (guessesPerDay * live) / TICKET_CODES;
    expect(foundPerDay).toBeCloseTo(0.0067, 4);
    // before the limits: 1,128 look-ups/s from one address
    expect((1128 * 86_400 * live) / TICKET_CODES).toBeCloseTo(907.7, 1);
  });
});
