import { join } from 'node:path';
import { browserSession, SCREENSHOTS } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 1000 } });

async function openSimulation(id: string): Promise<void> {
  await session.page.goto(`${session.api.url}/sops/${id}`);
  await session.page.getByTestId('sop-page').waitFor();
  await session.page.getByTestId('simulate-link').click();
  await session.page.getByTestId('sim-page').waitFor();
  await session.page.locator('[data-testid="step-node"]').first().waitFor();
  expect(new URL(session.page.url()).pathname).toBe(`/sops/${id}/simulasi`);
}

/** The step the panel names as active, and the diagram nodes the highlight rules mark, by state. */
async function highlighted(): Promise<{ current: string | null; active: string[]; visited: string[] }> {
  const current = await session.page.getByTestId('sim-current-step').getAttribute('data-step-id');
  const marks = await session.page
    .getByTestId('step-node')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-step-id'), getComputedStyle(e).getPropertyValue('--sim-state').trim()] as const));
  return {
    current,
    active: marks.filter(([, s]) => s === 'active').map(([id]) => id!),
    visited: marks
      .filter(([, s]) => s === 'visited')
      .map(([id]) => id!)
      .sort(),
  };
}

async function expectActive(step: string, visited: string[]): Promise<void> {
  expect(await highlighted()).toEqual({ current: step, active: [step], visited: [...visited].sort() });
}

async function choose(outcome: string, label: string): Promise<void> {
  const button = session.page.locator(`[data-testid="sim-event"][data-outcome="${outcome}"]`);
  expect(await button.textContent()).toContain(label);
  await button.click();
}

const clockIso = async () => (await session.page.getByTestId('sim-clock').getAttribute('data-iso'))!;
const kartuEvents = async () =>
  session.page
    .getByTestId('kartu-row')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-event')} ${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));

describe('the simulation of Metro', () => {
  it('reaches "Selesai" through the escalation ladder: outcomes, a passing deadline and "Tidak terselesaikan"', async () => {
    await openSimulation('metro');
    // the clock starts at 09:00 WIB on a working day of 2026
    const start = new Date(await clockIso());
    expect(start.getUTCFullYear()).toBe(2026);
    expect(start.getUTCHours()).toBe(2);
    expect(start.getUTCMinutes()).toBe(0);
    await expectActive('petugas-periksa', ['laporan']);
    // a fixed Tuesday, away from holidays, so that the deadlines below are known
    await session.page.getByTestId('sim-start-input').fill('2026-02-03T09:00');
    await session.page.getByTestId('sim-restart').click();
    expect(await clockIso()).toBe('2026-02-03T02:00:00.000Z');
    await expectActive('petugas-periksa', ['laporan']);
    expect(await session.page.getByTestId('sim-event').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual(['diterima', 'ditolak']);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'simulation-metro-start.png'), fullPage: true });

    await choose('diterima', 'Diterima');
    await expectActive('tim-teknis', ['laporan', 'petugas-periksa']);
    // step 3 has no Waktu: no deadline to jump to
    expect(await session.page.getByTestId('sim-jump-deadline').isDisabled()).toBe(true);

    await choose('tidak-terselesaikan', 'Tidak terselesaikan');
    await expectActive('kasi-periksa', ['laporan', 'petugas-periksa', 'tim-teknis']);

    // +1 jam: the Kasi's day is not over, nothing happens
    const before = await clockIso();
    await session.page.getByTestId('sim-plus-hour').click();
    expect(new Date(await clockIso()).getTime() - new Date(before).getTime()).toBe(3_600_000);
    await expectActive('kasi-periksa', ['laporan', 'petugas-periksa', 'tim-teknis']);
    expect(await session.page.getByTestId('sim-expiry').count()).toBe(0);

    // the Kasi's deadline (1 hari: Wednesday 16:00 WIB) passes: EXPIRE escalates one level up, to the Kabid
    await session.page.getByTestId('sim-jump-deadline').click();
    await expectActive('kabid-periksa', ['laporan', 'petugas-periksa', 'tim-teknis', 'kasi-periksa']);
    const expiry = session.page.getByTestId('sim-expiry');
    expect(await expiry.count()).toBe(1);
    expect(await expiry.getAttribute('data-from')).toBe('kasi-periksa');
    expect(await expiry.getAttribute('data-to')).toBe('kabid-periksa');
    expect(await session.page.getByTestId('sim-overdue').count()).toBeGreaterThan(0);
    const expireRow = session.page.locator('[data-testid="kartu-row"][data-event="EXPIRE"]');
    expect(await expireRow.getAttribute('data-over')).toBe('true');
    await session.page.screenshot({ path: join(SCREENSHOTS, 'simulation-metro-expired.png'), fullPage: true });

    await choose('tidak-terselesaikan', 'Tidak terselesaikan');
    await expectActive('sekretaris-periksa', ['laporan', 'petugas-periksa', 'tim-teknis', 'kasi-periksa', 'kabid-periksa']);

    // a whole day passes: the Sekretaris' deadline too, and the case reaches the Kepala Dinas
    await session.page.getByTestId('sim-plus-day').click();
    await expectActive('kadis-periksa', ['laporan', 'petugas-periksa', 'tim-teknis', 'kasi-periksa', 'kabid-periksa', 'sekretaris-periksa']);
    expect(await session.page.getByTestId('sim-expiry').getAttribute('data-to')).toBe('kadis-periksa');

    // the Kepala Dinas settles the complaint
    const complete = session.page.locator('[data-testid="sim-event"][data-type="COMPLETE"]');
    expect(await complete.count()).toBe(1);
    await complete.click();
    await expectActive('penyelesaian', ['laporan', 'petugas-periksa', 'tim-teknis', 'kasi-periksa', 'kabid-periksa', 'sekretaris-periksa', 'kadis-periksa']);
    const current = session.page.getByTestId('sim-current-step');
    expect(await current.getAttribute('data-status')).toBe('done');
    expect(await session.page.getByTestId('sim-done').textContent()).toContain('Selesai');
    expect(await session.page.getByTestId('sim-event').count()).toBe(0);
    expect(await session.page.getByTestId('sim-plus-hour').isDisabled()).toBe(true);
    expect(await kartuEvents()).toEqual([
      'START laporan>petugas-periksa',
      'CHOOSE petugas-periksa>tim-teknis',
      'CHOOSE tim-teknis>kasi-periksa',
      'EXPIRE kasi-periksa>kabid-periksa',
      'CHOOSE kabid-periksa>sekretaris-periksa',
      'EXPIRE sekretaris-periksa>kadis-periksa',
      'COMPLETE kadis-periksa>penyelesaian',
    ]);
    // the path taken is drawn on the diagram's edges
    const pathEdges = await session.page
      .locator('.sim-diagram .react-flow__edge path.react-flow__edge-path')
      .evaluateAll((els) => els.filter((e) => getComputedStyle(e).stroke === 'rgb(47, 133, 90)').length);
    expect(pathEdges).toBe(7);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'simulation-metro-done.png'), fullPage: true });

    // Mulai ulang: back at step 2, the kartu kendali with its first line only
    await session.page.getByTestId('sim-restart').click();
    await expectActive('petugas-periksa', ['laporan']);
    expect(await session.page.getByTestId('kartu-row').count()).toBe(1);
    expect(await clockIso()).toBe('2026-02-03T02:00:00.000Z');
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the simulation of Lumajang', () => {
  it('returns the case to the citizen when the data is "tidak valid"', async () => {
    await openSimulation('lumajang');
    await expectActive('verifikasi', ['mengajukan-pengaduan']);
    await choose('tidak-valid', 'tidak valid');
    await expectActive('dikembalikan', ['mengajukan-pengaduan', 'verifikasi']);
    const current = session.page.getByTestId('sim-current-step');
    expect(await current.getAttribute('data-status')).toBe('done');
    expect(await kartuEvents()).toEqual(['START mengajukan-pengaduan>verifikasi', 'CHOOSE verifikasi>dikembalikan']);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'simulation-lumajang-returned.png'), fullPage: true });
    expect(session.pageErrors).toEqual([]);
  });
});

describe('the simulation of Buleleng', () => {
  it('runs the monthly review: it opens when the virtual clock reaches the month’s last working day, and is worked to its end', async () => {
    await openSimulation('buleleng');
    await session.page.getByTestId('sim-flow-laporan-bulanan').click();
    await session.page.locator('[data-testid="sim-page"][data-flow="laporan-bulanan"]').waitFor();
    await session.page.waitForFunction(() => document.querySelectorAll('[data-testid="step-node"]').length === 5);
    // a Tuesday early in February 2026 (WITA): no run is open yet, the month's run falls due on
    // Friday 27 February, its last working day, at 00:00 WITA
    await session.page.getByTestId('sim-start-input').fill('2026-02-03T09:00');
    await session.page.getByTestId('sim-restart').click();
    expect(await clockIso()).toBe('2026-02-03T01:00:00.000Z');
    const nextRun = session.page.getByTestId('sim-next-run');
    expect(await nextRun.getAttribute('data-period')).toBe('2026-02');
    expect(await nextRun.getAttribute('data-iso')).toBe('2026-02-26T16:00:00.000Z');
    expect(await session.page.getByTestId('sim-waiting').isVisible()).toBe(true);
    expect(await session.page.getByTestId('sim-current-step').count()).toBe(0);
    expect(await session.page.getByTestId('kartu-row').count()).toBe(0);
    // a day passes: still nothing to do
    await session.page.getByTestId('sim-plus-day').click();
    expect(await clockIso()).toBe('2026-02-04T01:00:00.000Z');
    expect(await session.page.getByTestId('sim-current-step').count()).toBe(0);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'simulation-buleleng-monthly-waiting.png'), fullPage: true });

    // the clock jumps to the due time: the run of February opens, as the server's work loop opens it
    await session.page.getByTestId('sim-jump-run').click();
    await session.page.getByTestId('sim-current-step').waitFor();
    expect(await clockIso()).toBe('2026-02-26T16:00:00.000Z');
    expect(await session.page.getByTestId('sim-run').getAttribute('data-period')).toBe('2026-02');
    await expectActive('kesimpulan-bulanan', ['mulai-bulanan']);
    // the kartu kendali's first line is the run being opened by the schedule, not a complaint
    expect(await session.page.locator('[data-testid="kartu-row"][data-event="START"] strong').textContent()).toBe('Pelaksanaan berkala dibuka');
    // the next run is March's, and it cannot be opened while February's is being worked
    expect(await nextRun.getAttribute('data-period')).toBe('2026-03');
    expect(new Date((await nextRun.getAttribute('data-iso'))!).getTime()).toBeGreaterThan(new Date('2026-03-01T00:00:00+08:00').getTime());
    expect(await session.page.getByTestId('sim-jump-run').isDisabled()).toBe(true);
    // row 6's "1 Bulan" is the month the logbook covers (on the run's start), not a deadline a month
    // after the month ends: the Kasi's conclusion has none
    expect(await session.page.getByTestId('sim-deadline').textContent()).toContain('Batas waktu: tidak ada — SOP sumber tidak mencantumkan Waktu');
    expect(await session.page.getByTestId('sim-deadline').textContent()).not.toContain('1 Bulan');

    const complete = session.page.locator('[data-testid="sim-event"][data-type="COMPLETE"]');
    await complete.click();
    await expectActive('keputusan-kepala-dinas', ['mulai-bulanan', 'kesimpulan-bulanan']);
    await session.page.getByTestId('sim-plus-hour').click();
    await complete.click();
    await expectActive('logbook-kembali', ['mulai-bulanan', 'kesimpulan-bulanan', 'keputusan-kepala-dinas']);
    await complete.click();
    await expectActive('selesai-bulanan', ['mulai-bulanan', 'kesimpulan-bulanan', 'keputusan-kepala-dinas', 'logbook-kembali']);
    expect(await session.page.getByTestId('sim-current-step').getAttribute('data-status')).toBe('done');
    expect(await kartuEvents()).toEqual([
      'START mulai-bulanan>kesimpulan-bulanan',
      'COMPLETE kesimpulan-bulanan>keputusan-kepala-dinas',
      'COMPLETE keputusan-kepala-dinas>logbook-kembali',
      'COMPLETE logbook-kembali>selesai-bulanan',
    ]);
    // finished: March's run can be jumped to
    expect(await session.page.getByTestId('sim-jump-run').isEnabled()).toBe(true);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'simulation-buleleng-monthly-done.png'), fullPage: true });

    // back to the complaint flow: a new simulation of it
    await session.page.getByTestId('sim-flow-main').click();
    await session.page.locator('[data-testid="sim-page"][data-flow="main"]').waitFor();
    expect(await session.page.getByTestId('sim-schedule').count()).toBe(0);
    expect(await session.page.getByTestId('kartu-row').count()).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it("says when the administrators' holiday lists cannot be read, and runs on the shipped ones", async () => {
    await session.page.route('**/api/holidays/calendar*', (route) => route.abort('connectionreset'));
    await openSimulation('metro');
    const notice = session.page.getByTestId('sim-holidays-failed');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'Daftar hari libur yang dimuat administrator belum terbaca (Server tidak dapat dihubungi: periksa sambungan internet, lalu coba lagi.): tenggat di simulasi ini dihitung dengan daftar bawaan, yang tidak memuat cuti bersama atau penutupan kantor yang dimuat kemudian.',
    );
    expect(await session.page.getByTestId('sim-current-step').count()).toBe(1);
    await session.page.unroute('**/api/holidays/calendar*');
  });
});
