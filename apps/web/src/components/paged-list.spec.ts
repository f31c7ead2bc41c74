import { ApiError } from '../api';
import { initialPaged, pagedReducer, problemText, type ListPage, type PagedEvent, type PagedState } from './paged-list';

type Row = { id: number };
type State = PagedState<Row>;
const rows = (...ids: number[]) => ids.map((id) => ({ id }));
const run = (events: PagedEvent<Row>[], from: State = initialPaged<Row>()) => events.reduce(pagedReducer<Row, ListPage<Row>>, from);

describe('pagedReducer: the paging rules of the list pages', () => {
  it('starts loading, with nothing to say "no rows" about yet', () => {
    expect(initialPaged<Row>()).toEqual({ items: [], next: null, page: null, loading: true, settled: false, failure: null, generation: 0 });
  });

  it('shows the first page, then appends the next one', () => {
    const first = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: rows(1, 2), next: 'c2' }, append: false },
    ]);
    expect(first).toEqual(expect.objectContaining({ items: rows(1, 2), next: 'c2', loading: false, settled: true, failure: null }));
    const asked = run([{ type: 'more' }], first);
    expect(asked.loading).toBe(true);
    expect(asked.items).toEqual(rows(1, 2));
    const second = run([{ type: 'loaded', generation: 1, page: { items: rows(3), next: null }, append: true }], asked);
    expect(second).toEqual(expect.objectContaining({ items: rows(1, 2, 3), next: null, loading: false }));
  });

  it('reads a list without a cursor as one page', () => {
    const s = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: rows(1) }, append: false },
    ]);
    expect(s.next).toBeNull();
  });

  it('asks for no next page when there is none or one is loading', () => {
    const last = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: rows(1), next: null }, append: false },
    ]);
    expect(run([{ type: 'more' }], last)).toBe(last);
    const loading = run([{ type: 'more' }], { ...last, next: 'c2', loading: true });
    expect(loading).toEqual({ ...last, next: 'c2', loading: true });
  });

  it('says "no rows" only once the list has answered empty', () => {
    const s = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: [], next: null }, append: false },
    ]);
    expect(s).toEqual(expect.objectContaining({ items: [], settled: true, loading: false }));
  });

  it('forgets the rows of a previous filter at once, and keeps them while the same list reloads', () => {
    const shown = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: rows(1, 2), next: 'c2' }, append: false },
    ]);
    expect(run([{ type: 'start', fresh: true }], shown)).toEqual(
      expect.objectContaining({ items: [], next: null, settled: false, loading: true, generation: 2 }),
    );
    expect(run([{ type: 'start', fresh: false }], shown)).toEqual(expect.objectContaining({ items: rows(1, 2), settled: true, loading: true, generation: 2 }));
  });

  it('drops an answer for an earlier list, a late next page too', () => {
    const shown = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: rows(1), next: 'c2' }, append: false },
      { type: 'more' },
    ]);
    const refiltered = run([{ type: 'start', fresh: true }], shown);
    const late = run(
      [
        { type: 'loaded', generation: 1, page: { items: rows(9), next: null }, append: true },
        { type: 'failed', generation: 1, error: new Error('late') },
      ],
      refiltered,
    );
    expect(late).toBe(refiltered);
    expect(run([{ type: 'loaded', generation: 2, page: { items: rows(5), next: null }, append: false }], late).items).toEqual(rows(5));
  });

  it('keeps the rows it has when a page fails, says why, and clears the error with the next answer', () => {
    const shown = run([
      { type: 'start', fresh: true },
      { type: 'loaded', generation: 1, page: { items: rows(1), next: 'c2' }, append: false },
      { type: 'more' },
    ]);
    const refusal = new Error('HTTP 502');
    const failed = run([{ type: 'failed', generation: 1, error: refusal }], shown);
    expect(failed).toEqual(expect.objectContaining({ items: rows(1), next: 'c2', loading: false, settled: true, failure: { error: refusal } }));
    const again = run([{ type: 'more' }, { type: 'loaded', generation: 1, page: { items: rows(2), next: null }, append: true }], failed);
    expect(again).toEqual(expect.objectContaining({ items: rows(1, 2), failure: null }));
  });

  it('keeps the last answer for its other fields', () => {
    type Templates = ListPage<Row> & { canEdit: boolean };
    const s = [
      { type: 'start', fresh: true } as const,
      { type: 'loaded', generation: 1, page: { items: rows(1), canEdit: true }, append: false } as const,
    ].reduce(pagedReducer<Row, Templates>, initialPaged<Row, Templates>());
    expect(s.page?.canEdit).toBe(true);
  });
});

describe('problemText: an error as a line for the reader', () => {
  it("lists an API refusal's fields, else says its message", () => {
    const body = {
      message: 'see errors',
      errors: [
        { field: 'url', message: 'must be https' },
        { field: 'events', message: 'is empty' },
      ],
    };
    expect(problemText(new ApiError(400, 'see errors', body), 'en')).toBe('url: must be https; events: is empty');
    expect(problemText(new ApiError(409, 'taken', { message: 'taken' }), 'en')).toBe('taken');
    expect(problemText(new Error('offline'), 'id')).toBe('offline');
    expect(problemText('odd', 'id')).toBe('odd');
  });

  it("says the API's Bahasa Indonesia in the Indonesian page, field by field (its wording names the field), and its English in the English page", () => {
    const body = {
      message: 'see errors',
      errors: [
        { field: 'url', message: 'only https URLs are accepted', messageId: 'hanya URL https yang diterima' },
        { field: 'events', message: 'is empty' },
      ],
    };
    expect(problemText(new ApiError(400, 'see errors', body), 'id')).toBe('hanya URL https yang diterima; events: is empty');
    expect(problemText(new ApiError(400, 'see errors', body), 'en')).toBe('url: only https URLs are accepted; events: is empty');
    const taken = { message: 'metro already has a template titled "Salam"', messageId: 'metro sudah memiliki templat berjudul "Salam"' };
    expect(problemText(new ApiError(409, taken.message, taken), 'id')).toBe('metro sudah memiliki templat berjudul "Salam"');
    expect(problemText(new ApiError(409, taken.message, taken), 'en')).toBe('metro already has a template titled "Salam"');
  });
});
