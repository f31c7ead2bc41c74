import { issueMessage, validateSop } from '@sop/model';
import { seedText } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { SopCheckBusy, SopChecker } from './sop-checker';

const EIGHTY_THOUSAND_KEYS = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join('\n') + '\n';

describe('SopChecker: the validator on a worker thread', () => {
  let checker: SopChecker;
  afterEach(() => checker.close());

  it('answers what the validator answers: a seed as its document, a broken text as its located issues', async () => {
    checker = new SopChecker();
    const metro = seedText('metro');
    const checked = await checker.check(metro, 'sops/metro.yaml');
    const direct = validateSop(metro, { file: 'sops/metro.yaml' });
    expect(checked.sop).toEqual(direct.sop);
    expect(checked.issues).toEqual(direct.issues);
    const broken = metro.replace(/^steps:/m, 'langkah:');
    const refused = await checker.check(broken, 'sops/metro.yaml');
    expect(refused.sop).toBeUndefined();
    expect(refused.issues).toEqual(validateSop(broken, { file: 'sops/metro.yaml' }).issues);
    expect(refused.issues.some((i) => i.severity === 'error' && i.file === 'sops/metro.yaml' && i.line > 0)).toBe(true);
  });

  it('keeps the event loop free while a large text is checked', async () => {
    checker = new SopChecker();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    let checked;
    try {
      checked = await checker.check(EIGHTY_THOUSAND_KEYS, 'sops/x.yaml');
    } finally {
      clearInterval(timer);
    }
    expect(checked.issues).toHaveLength(501);
    // checked on the event loop, a second or more of CPU would have let no timer fire
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses a text whose check runs out of memory as one located error in both languages, and checks the next text', async () => {
    checker = new SopChecker({ workers: 1, queue: 4, heapMb: 16 });
    const [grown, next] = await Promise.all([checker.check(EIGHTY_THOUSAND_KEYS, 'sops/x.yaml'), checker.check('schemaVersion: 1\n', 'sops/y.yaml')]);
    expect(grown.sop).toBeUndefined();
    expect(grown.issues).toEqual([
      {
        severity: 'error',
        code: 'check-out-of-memory',
        message:
          'the SOP could not be checked: its check needed more than 16 MB of memory; nothing was published: make the text smaller or simpler (fewer keys, less nesting, fewer aliases) and try again',
        params: { limit: 16 },
        pointer: '',
        file: 'sops/x.yaml',
        line: 1,
        column: 1,
      },
    ]);
    expect(issueMessage(grown.issues[0], 'id')).toBe(
      'SOP ini tidak dapat diperiksa: pemeriksaannya memerlukan lebih dari 16 MB memori; tidak ada yang diterbitkan: perkecil atau sederhanakan teksnya (lebih sedikit kunci, sarang, dan alias), lalu coba lagi',
    );
    expect(next.issues.map((i) => i.code)).toContain('schema.required');
  });

  it('refuses a check past its queue at once, saying when to try again in both languages', async () => {
    checker = new SopChecker({ workers: 1, queue: 1 });
    const accepted = [checker.check(EIGHTY_THOUSAND_KEYS, 'sops/a.yaml'), checker.check('schemaVersion: 1\n', 'sops/b.yaml')];
    const refused = await checker.check('schemaVersion: 1\n', 'sops/c.yaml').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SopCheckBusy);
    const body = refused as SopCheckBusy;
    expect(body.message).toBe(`the server is busy checking other SOPs: try again in ${body.retryAfterSeconds} s (nothing was published)`);
    expect(body.messageId).toBe(`server sedang sibuk memeriksa SOP lain: coba lagi dalam ${body.retryAfterSeconds} detik (tidak ada yang diterbitkan)`);
    expect(body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await Promise.all(accepted);
  });
});
