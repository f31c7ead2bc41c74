import { join } from 'node:path';
import { browserSession, SCREENSHOTS, signIn } from './browser';
import { seedText } from '../../libs/sop-model/src/__fixtures__/seeds';

// The author's journeys of issue 11: validation in the author's words, another regency's SOP
// read-only, the simulator naming steps and saying why one has no deadline.
const session = browserSession({ viewport: { width: 1440, height: 900 } });

const metro = seedText('metro');
// a draft kept in this browser with a misspelt target: the step the author meant is "petugas-periksa"
const broken = metro.replace('next: petugas-periksa', 'next: petugas-priksa');

async function openDraft(lang: 'id' | 'en'): Promise<void> {
  await session.page.addInitScript(
    ([yaml, language]) => {
      localStorage.setItem('sop.draft.metro', JSON.stringify({ yaml, version: 1 }));
      localStorage.setItem('sop.lang', language);
    },
    [broken, lang],
  );
  await session.page.goto(`${session.api.url}/sops/metro/ubah`);
  await session.page.getByTestId('edit-page').waitFor();
  await session.page.locator('[data-testid="problem"][data-code="unknown-step"]').waitFor();
}

describe('an author of Metro', () => {
  it('reads a validation problem in Bahasa Indonesia, plain words first and the YAML path after', async () => {
    await signIn(session, 'metro.penyusun');
    await openDraft('id');
    const problem = session.page.locator('[data-testid="problem"][data-code="unknown-step"]');
    expect(await problem.locator('.edit-problem-message').textContent()).toMatch(
      /^"petugas-priksa" bukan langkah di alur ini \(maksudnya "petugas-periksa"\?\)/,
    );
    expect(await problem.getByTestId('problem-path').textContent()).toBe(' (di steps[0].next)');
    await problem.scrollIntoViewIfNeeded();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'authors-problem-id.png') });
  });

  it('reads the same problem in English when the page is in English', async () => {
    await openDraft('en');
    const problem = session.page.locator('[data-testid="problem"][data-code="unknown-step"]');
    expect(await problem.locator('.edit-problem-message').textContent()).toMatch(/^"petugas-priksa" does not name a step of the per-complaint flow/);
    expect(await problem.getByTestId('problem-path').textContent()).toBe(' (at steps[0].next)');
  });
});

describe('an author of Buleleng opening Metro to edit', () => {
  it('sees Metro read-only with the reason and a link to their own SOP, not an editor that fails at publish', async () => {
    await signIn(session, 'buleleng.penyusun');
    await session.page.goto(`${session.api.url}/sops/metro/ubah`);
    await session.page.getByTestId('edit-read-only').waitFor();
    expect(await session.page.getByTestId('edit-page').count()).toBe(0);
    expect(await session.page.getByTestId('save').count()).toBe(0);
    expect(await session.page.getByTestId('read-only-reason').textContent()).toContain('buleleng.penyusun, penyusun SOP kabupaten/kota lain');
    expect(await session.page.getByTestId('own-sop-link').getAttribute('href')).toBe('/sops/buleleng/ubah');
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
    await session.page.screenshot({ path: join(SCREENSHOTS, 'authors-read-only.png') });
    await session.page.getByTestId('own-sop-link').click();
    await session.page.getByTestId('edit-page').waitFor();
    expect(await session.page.getByTestId('edit-page').getAttribute('data-sop-id')).toBe('buleleng');
  });
});

describe('the simulator of Brebes', () => {
  it('names the step by its label and says its deadline is missing because the source prints no Waktu', async () => {
    await session.page.goto(`${session.api.url}/sops/brebes/simulasi`);
    await session.page.getByTestId('sim-page').waitFor();
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
    const current = session.page.getByTestId('sim-current-step');
    expect(await current.getAttribute('data-step-id')).toBe('admin-menjawab');
    expect(await session.page.getByTestId('sim-deadline').textContent()).toContain('SOP sumber tidak mencantumkan Waktu untuk langkah ini');
    // escalate to the group admin: the kartu kendali and the panel name steps, never their ids
    await session.page.locator('[data-testid="sim-event"][data-outcome="diteruskan-group-admin"]').click();
    await session.page.locator('[data-testid="sim-current-step"][data-step-id="group-admin-menjawab"]').waitFor();
    const panel = await session.page.getByTestId('sim-page').innerText();
    for (const id of ['menyampaikan-keluhan', 'admin-menjawab', 'group-admin-menjawab', 'diteruskan-group-admin']) expect(panel).not.toContain(id);
    await session.page.screenshot({ path: join(SCREENSHOTS, 'authors-simulator-no-deadline.png') });
  });
});
