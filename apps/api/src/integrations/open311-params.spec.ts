import { durationOf, LIST_PARAMS, LOOKUP_PARAMS, queryValuesOf, spanProblem, w3cInstantOf } from './open311-params';

const at = (text: string) => {
  const read = w3cInstantOf(text);
  return 'at' in read ? read.at.toISOString() : read.problems;
};

describe('w3cInstantOf', () => {
  it("reads W3C's forms as the instants they name: a date at midnight UTC, a time at its offset", () => {
    expect(at('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
    expect(at('2026-12-01T09:00+07:00')).toBe('2026-12-01T02:00:00.000Z');
    expect(at('2026-12-01T00:30:15-03:30')).toBe('2026-12-01T04:00:15.000Z');
    expect(at('2026-12-01T23:59:59.999999999Z')).toBe('2026-12-01T23:59:59.999Z');
    expect(at('2028-02-29T12:00Z')).toBe('2028-02-29T12:00:00.000Z');
  });

  it('names each thing wrong with a near miss', () => {
    expect(at('2026-02-29')).toEqual(['2026-02 has no day 29']);
    expect(at('2026-04-31T10:00Z')).toEqual(['2026-04 has no day 31']);
    expect(at('2026-00-10')).toEqual(['month 00 does not exist (01 to 12)']);
    expect(at('2026-12-00')).toEqual(['2026-12 has no day 00']);
    expect(at('2026-12-01T24:60:60+24:60')).toEqual([
      'hour 24 does not exist (00 to 23; midnight is T00:00 of the next day)',
      'minute 60 does not exist (00 to 59)',
      'second 60 does not exist (00 to 59)',
      'the offset +24:60 does not exist (hours 00 to 23, minutes 00 to 59)',
    ]);
    expect(at('2026-12-01 09:00 0700')).toEqual([
      'separate the date and the time with T (2026-12-01T09:00), not a space',
      'the + of the offset arrived as a space: in a URL write it %2B (T09:00%2B07:00)',
      'write the offset with a colon (+07:00)',
    ]);
    expect(at('2026-12-01T09:00-0300')).toEqual(['write the offset with a colon (-03:00)']);
  });

  it('names nothing for a text that is not written as a date at all', () => {
    for (const text of ['yesterday', '20261201', '2026-W49', '2026-335', '2026-12', '2026-12-01t09:00z', '2026-12-01T09Z', ' 2026-12-01']) {
      expect([text, at(text)]).toEqual([text, []]);
    }
  });
});

describe('queryValuesOf', () => {
  it('gives the one text of each parameter read, and leaves the other keys to the route', () => {
    expect(queryValuesOf({ jurisdiction_id: 'metro', other: ['a', 'b'], 'x[]': '1' }, LOOKUP_PARAMS)).toEqual({ values: { jurisdiction_id: 'metro' } });
  });

  it('names each parameter sent more than once or as a list, however the list is written', () => {
    expect(queryValuesOf({ jurisdiction_id: ['a', 'b', 'c'], 'status[0]': 'open', 'page[a][b]': '1', api_key: { nested: 'k' } }, LIST_PARAMS)).toEqual({
      problems: [
        expect.stringMatching(/^jurisdiction_id was sent 3 times: send one jurisdiction id/),
        'api_key was sent as a list: send your key once',
        expect.stringMatching(/^status was sent as a list \(status\[0\]=…\): send it once/),
        expect.stringMatching(/^page was sent as a list \(page\[a\]\[b\]=…\): send one page number/),
      ],
    });
  });
});

describe('the 90 days a request may cover', () => {
  const DAY = 86_400_000;

  it('words a span in days, then what is left of the last day', () => {
    expect(durationOf(364 * DAY)).toBe('364 days');
    expect(durationOf(90 * DAY + 1000)).toBe('90 days and 1 second');
    expect(durationOf(90 * DAY + 2 * 3_600_000 + 500)).toBe('90 days, 2 hours and 0.5 seconds');
    expect(durationOf(DAY + 60_000)).toBe('1 day and 1 minute');
    expect(durationOf(1)).toBe('0.001 seconds');
  });

  it('says how far apart the dates are and where a first part may end', () => {
    const from = new Date('2025-12-31T17:00:00Z');
    expect(
      spanProblem('2026-01-01T00:00:00+07:00', '2026-12-31T00:00:00+07:00', from, new Date('2026-12-30T17:00:00Z'), new Date('2026-03-10T02:00:00Z')),
    ).toBe(
      'start_date 2026-01-01T00:00:00+07:00 and end_date 2026-12-31T00:00:00+07:00 span 364 days; a request may cover at most 90 days: ask for the period in parts (the first from this start_date to end_date=2026-03-31T17:00:00.000Z)',
    );
    expect(spanProblem('2025-12-01', null, new Date('2025-12-01T00:00:00Z'), new Date('2026-03-10T02:00:00Z'), new Date('2026-03-10T02:00:00Z'))).toBe(
      'start_date 2025-12-01 is more than 90 days before now (2026-03-10T02:00:00.000Z), the end_date when none is sent; a request may cover at most 90 days: send an end_date too, at most 90 days after the start_date (end_date=2026-03-01T00:00:00.000Z), and ask for the rest of the period in parts',
    );
  });
});
