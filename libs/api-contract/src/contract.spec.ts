import {
  fileLoadNote,
  loadedFromFile,
  EVENT_TYPES,
  ERROR_CODE_BY_STATUS,
  isEventType,
  KARTU_EVENT_TYPES,
  MACHINE_EVENT_TYPES,
  SIDE_EVENT_TYPES,
  SPECIFIC_ERROR_CODES,
} from './index';

describe('the event names', () => {
  it('an officer sends the machine events and the side events, each once', () => {
    expect(EVENT_TYPES).toEqual([...MACHINE_EVENT_TYPES, ...SIDE_EVENT_TYPES]);
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
  });

  it('a kartu kendali line carries every event an officer sends, and the ones no one sends', () => {
    for (const type of EVENT_TYPES) expect(KARTU_EVENT_TYPES).toContain(type);
    expect(KARTU_EVENT_TYPES.filter((t) => !isEventType(EVENT_TYPES, t))).toEqual(['START', 'EXPIRE', 'RESUME']);
  });

  it('tells an event name from other text', () => {
    expect(isEventType(MACHINE_EVENT_TYPES, 'CHOOSE')).toBe(true);
    expect(isEventType(MACHINE_EVENT_TYPES, 'CONSULT')).toBe(false);
    expect(isEventType(EVENT_TYPES, 'complete')).toBe(false);
    expect(isEventType(EVENT_TYPES, 7)).toBe(false);
  });
});

describe('the error codes', () => {
  it('a specific code never repeats a code by status', () => {
    const byStatus = Object.values(ERROR_CODE_BY_STATUS) as string[];
    for (const code of SPECIFIC_ERROR_CODES) expect(byStatus).not.toContain(code);
    expect(new Set(byStatus).size).toBe(byStatus.length);
  });
});

describe('the change note of a version loaded from the SOP folder', () => {
  it('names its file, and only such a note does', () => {
    expect(loadedFromFile(fileLoadNote('metro.yaml'))).toBe('sops/metro.yaml');
    expect(loadedFromFile('Waktu pemeriksaan Kasi menjadi 30 menit')).toBeNull();
    expect(loadedFromFile('loaded from sops/metro.yaml and edited')).toBeNull();
    expect(loadedFromFile(null)).toBeNull();
  });
});
