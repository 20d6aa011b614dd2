/**
 * The real sign-in flow with a hostile `next=`: whatever the parameter says, the browser ends on
 * the dashboard's own origin (issue 9). Each value once reached another host after sign-in.
 */
import { ADMIN_TOKEN, expect, test } from './fixtures';

const HOSTILE_NEXT = ['/\t/evil.example/', '/\n/evil.example/', '/\r/evil.example/', '/\t\\evil.example/', '//evil.example/', '/\\evil.example/', 'https://evil.example/'];

test.describe('sign-in redirect', () => {
  for (const next of HOSTILE_NEXT) {
    test(`next=${JSON.stringify(next)} ends on the dashboard, not another origin`, async ({ page, baseURL }) => {
      // Nothing may leave the origin: a request to another host fails the test instead of hanging.
      const foreign: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).origin !== new URL(baseURL ?? '').origin) foreign.push(request.url());
      });
      await page.goto(`/login?next=${encodeURIComponent(next)}`);
      await page.getByLabel('API token').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? '').origin);
      expect(new URL(page.url()).pathname).toBe('/');
      expect(foreign).toEqual([]);
    });
  }

  test('a same-origin next= is kept', async ({ page }) => {
    await page.goto(`/login?next=${encodeURIComponent('/models?x=1')}`);
    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
    await expect(page).toHaveURL((url) => url.pathname === '/models' && url.search === '?x=1');
  });
});
