import { compileSop, storeCompiledSop } from '@sop/compiler';
import { issueMessage, readSopData, validateSop } from '@sop/model';
import { seedText } from '../../../../libs/sop-model/src/__fixtures__/seeds';
import { SopCheckBusy, SopChecker } from './sop-checker';

const EIGHTY_THOUSAND_KEYS = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join('\n') + '\n';

describe('SopChecker: the validator on a worker thread', () => {
  let checker: SopChecker;
  afterEach(() => checker.close());

  it('answers what the validator answers: a seed as its document, a broken text as its located issues', async () => {
    checker = new SopChecker();
    const metro = seedText('metro');
    const checked = await checker.check(metro, 'sops/metro.yaml', 'metro');
    const direct = validateSop(metro, { file: 'sops/metro.yaml' });
    expect(checked.sop).toEqual(direct.sop);
    expect(checked.issues).toEqual(direct.issues);
    // compiled there too: the machine a publication stores
    expect(checked.machine).toEqual(storeCompiledSop(compileSop(direct.sop!, { id: 'metro' })));
    // its keys in the YAML's order, as the editor copies them (the stored jsonb reorders them)
    expect(JSON.stringify(checked.sop)).toBe(JSON.stringify(readSopData(metro)));
    const broken = metro.replace(/^steps:/m, 'langkah:');
    const refused = await checker.check(broken, 'sops/metro.yaml', 'metro');
    expect(refused.sop).toBeUndefined();
    expect(refused.machine).toBeUndefined();
    expect(refused.issues).toEqual(validateSop(broken, { file: 'sops/metro.yaml' }).issues);
    expect(refused.issues.some((i) => i.severity === 'error' && i.file === 'sops/metro.yaml' && i.line > 0)).toBe(true);
  });

  it("reads a published text in the YAML's order on its thread", async () => {
    checker = new SopChecker();
    const brebes = seedText('brebes');
    expect(JSON.stringify(await checker.read(brebes))).toBe(JSON.stringify(readSopData(brebes)));
    // busy while a text is checked, so that a read need not wait behind it
    expect(checker.busy).toBe(false);
    const checking = checker.check(EIGHTY_THOUSAND_KEYS, 'sops/x.yaml', 'x');
    expect(checker.busy).toBe(true);
    await checking;
    expect(checker.busy).toBe(false);
  });

  it('keeps the event loop free while a large text is checked', async () => {
    checker = new SopChecker();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    let checked;
    try {
      checked = await checker.check(EIGHTY_THOUSAND_KEYS, 'sops/x.yaml', 'x');
    } finally {
      clearInterval(timer);
    }
    expect(checked.issues).toHaveLength(501);
    // checked on the event loop, a second or more of CPU would have let no timer fire
    expect(ticks).toBeGreaterThan(0);
  });

  it('refuses a text whose check runs out of memory as one located error in both languages, and checks the next text', async () => {
    checker = new SopChecker({ workers: 1, queue: 4, heapMb: 16 });
    const [grown, next] = await Promise.all([checker.check(EIGHTY_THOUSAND_KEYS, 'sops/x.yaml', 'x'), checker.check('schemaVersion: 1\n', 'sops/y.yaml', 'y')]);
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
      'SOP ini tidak dapat diperiksa karena pemeriksaannya memerlukan lebih dari 16 MB memori; SOP belum diterbitkan. Perkecil atau sederhanakan teksnya (kurangi jumlah kunci, tingkat bersarang, dan alias), lalu coba lagi.',
    );
    expect(next.issues.map((i) => i.code)).toContain('schema.required');
  });

  it('refuses a text whose check runs past its time limit as one located error in both languages', async () => {
    // (the pool's own test shows the next task running on a new thread)
    checker = new SopChecker({ workers: 1, queue: 4, timeoutMs: 100 });
    const stopped = await checker.check(EIGHTY_THOUSAND_KEYS, 'sops/x.yaml', 'x');
    expect(stopped.issues).toEqual([
      {
        severity: 'error',
        code: 'check-timeout',
        message:
          'the SOP could not be checked: its check ran past its limit of 1 s and was stopped; nothing was published: make the text smaller or simpler (fewer keys, less nesting, fewer aliases) and try again',
        params: { seconds: 1 },
        pointer: '',
        file: 'sops/x.yaml',
        line: 1,
        column: 1,
      },
    ]);
    expect(issueMessage(stopped.issues[0], 'id')).toBe(
      'SOP ini tidak dapat diperiksa karena pemeriksaannya melewati batas 1 detik lalu dihentikan; SOP belum diterbitkan. Perkecil atau sederhanakan teksnya (kurangi jumlah kunci, tingkat bersarang, dan alias), lalu coba lagi.',
    );
  });

  it('refuses a check past its queue at once, saying when to try again in both languages', async () => {
    checker = new SopChecker({ workers: 1, queue: 1 });
    const accepted = [checker.check(EIGHTY_THOUSAND_KEYS, 'sops/a.yaml', 'a'), checker.check('schemaVersion: 1\n', 'sops/b.yaml', 'b')];
    const refused = await checker.check('schemaVersion: 1\n', 'sops/c.yaml', 'c').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SopCheckBusy);
    const body = refused as SopCheckBusy;
    expect(body.message).toBe(`the server is busy checking other SOPs: try again in ${body.retryAfterSeconds} s (nothing was published)`);
    expect(body.messageId).toBe(`server sedang sibuk memeriksa SOP lain: coba lagi dalam ${body.retryAfterSeconds} detik; SOP belum diterbitkan`);
    expect(body.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await Promise.all(accepted);
  });
});
