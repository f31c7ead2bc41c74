import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../apps/api/test/api-harness';
import { browserSession, SCREENSHOTS } from './browser';

const session = browserSession({ viewport: { width: 1440, height: 900 } });

/** WCAG relative luminance contrast of two CSS rgb()/rgba() colours (alpha ignored: opaque text assumed). */
function contrast(a: string, b: string): number {
  const lum = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

async function useEnglish(): Promise<void> {
  await session.page.addInitScript(() => localStorage.setItem('sop.lang', 'en'));
}

describe('on every page', () => {
  it('names the page in the tab in the page language', async () => {
    await session.page.goto(`${session.api.url}/sops/metro`);
    await session.page.getByTestId('sop-page').waitFor();
    expect(await session.page.title()).toBe('SOP metro · SOP Pengaduan Disdukcapil');
    await session.page.goto(`${session.api.url}/compare`);
    await session.page.getByTestId('compare-choose-more').waitFor();
    expect(await session.page.title()).toBe('Bandingkan · SOP Pengaduan Disdukcapil');
    await useEnglish();
    await session.page.goto(`${session.api.url}/tiket`);
    await session.page.locator('input').first().waitFor();
    expect(await session.page.title()).toBe('Ticket status · Disdukcapil Complaint SOPs');
  });

  it('speaks the page language on the diagram controls', async () => {
    await session.page.goto(`${session.api.url}/sops/buleleng`);
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
    const labels = async () => session.page.locator('.react-flow__controls button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(await labels()).toEqual(['Perbesar', 'Perkecil', 'Tampilkan seluruh diagram']);
    expect(await session.page.locator('.react-flow__controls').getAttribute('aria-label')).toBe('Kendali diagram');
    await useEnglish();
    await session.page.reload();
    await session.page.locator('[data-testid="step-node"]').first().waitFor();
    expect(await labels()).toEqual(['Zoom in', 'Zoom out', 'Show the whole diagram']);
  });

  it('lets a keyboard user skip the header with the first Tab', async () => {
    await session.page.goto(`${session.api.url}/sops`);
    await session.page.getByTestId('sop-card').first().waitFor();
    await session.page.keyboard.press('Tab');
    const skip = session.page.getByTestId('skip-link');
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.textContent()).toBe('Langsung ke isi halaman');
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true); // visible once focused
    await session.page.screenshot({ path: join(SCREENSHOTS, 'skip-link.png') });
    await session.page.keyboard.press('Enter');
    expect(await session.page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('draws placeholders with a contrast of at least 4.5:1 against their field', async () => {
    await session.page.goto(`${session.api.url}/tiket`);
    const input = session.page.locator('input[placeholder]').first();
    await input.waitFor();
    const [text, background] = await input.evaluate((el) => {
      const field = getComputedStyle(el).backgroundColor;
      let bg = field;
      // a transparent field shows what is under it
      for (let node: Element | null = el; node && /rgba\(0, 0, 0, 0\)|transparent/.test(bg); node = node.parentElement)
        bg = getComputedStyle(node).backgroundColor;
      return [getComputedStyle(el, '::placeholder').color, bg];
    });
    expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
  });

  it('keeps one login per browser: a second tab is signed in, and a logout in one tab ends it in the other', async () => {
    const first = session.page;
    await first.goto(`${session.api.url}/login`);
    await first.getByTestId('login-username').fill('metro.petugas');
    await first.getByTestId('login-password').fill(DEMO_PASSWORD);
    await first.getByTestId('login-submit').click();
    await first.getByTestId('session-user').waitFor();
    const second = await first.context().newPage();
    await second.goto(`${session.api.url}/inbox`);
    await second.getByTestId('session-user').waitFor();
    expect(await second.getByTestId('session-user').getAttribute('title')).toContain('metro.petugas');
    await second.getByTestId('nav-logout').click();
    await first.getByTestId('nav-login').waitFor();
    expect(await first.getByTestId('session-user').count()).toBe(0);
    await second.close();
  });
});
