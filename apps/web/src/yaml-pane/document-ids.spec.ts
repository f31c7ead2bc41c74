import { parse } from 'yaml';
import { documentIds, lazyDocumentIds } from './document-ids';

jest.mock('yaml', () => {
  const actual = jest.requireActual<typeof import('yaml')>('yaml');
  return { ...actual, parse: jest.fn(actual.parse) };
});
const parses = parse as unknown as jest.Mock;

describe('the ids the YAML pane completes', () => {
  const text = ['lanes:', '  - id: kasi', 'steps:', '  - id: mulai', '    lane: kasi', 'templates:', '  - id: sms-terima', ''].join('\n');

  test('are read from the text, or from its id lines while it does not parse', () => {
    expect(documentIds(text)).toEqual({ lanes: ['kasi'], steps: ['mulai'], templates: ['sms-terima'] });
    expect(documentIds(`${text}  - id: [\n`).lanes).toEqual(['kasi']);
  });

  test('lazily: the text is parsed only when a completion asks for an id, and once', () => {
    parses.mockClear();
    const ids = lazyDocumentIds(text);
    expect(parses).not.toHaveBeenCalled(); // a key's completion never asks
    expect(ids.steps).toEqual(['mulai']);
    expect(ids.lanes).toEqual(['kasi']);
    expect(ids.templates).toEqual(['sms-terima']);
    expect(parses).toHaveBeenCalledTimes(1);
  });
});
