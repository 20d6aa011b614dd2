/**
 * The dashboard as on-call uses it: unknown names answer HTTP 404, the endpoint page puts health
 * and charts above the rollout panel, and the sidebar folds into a menu on a phone-sized screen.
 */
import { expect, signIn, snapshot, test } from './fixtures';

const DEMO_ENDPOINT = 'text-orientation';

test.describe('on-call dashboard', () => {
  test('unknown models and endpoints are HTTP 404 pages', async ({ page }) => {
    await signIn(page, '/');
    const model = await page.goto('/models/no-such-model-here');
    expect(model?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Model not found' })).toBeVisible();
    await page.getByRole('link', { name: 'All models' }).click();
    await expect(page).toHaveURL(/\/models$/);

    // No metrics polling for a name that does not exist.
    const metricsCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/metrics')) metricsCalls.push(request.url());
    });
    const endpoint = await page.goto('/endpoints/no-such-endpoint-here');
    expect(endpoint?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Endpoint not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'All endpoints' })).toBeVisible();
    expect(metricsCalls).toEqual([]);
  });

  test('the endpoint page shows health and charts above the rollout panel, config below', async ({ page }, testInfo) => {
    await signIn(page, `/endpoints/${DEMO_ENDPOINT}`);
    const health = page.getByRole('region', { name: 'Health' });
    await expect(health.getByRole('group', { name: 'Throughput' })).toContainText('req/s');
    const charts = page.getByRole('heading', { name: 'Live metrics' });
    const rollout = page.getByRole('heading', { name: 'Rollout', exact: true });
    const config = page.getByRole('heading', { name: 'Runtime config' });
    await expect(rollout).toBeVisible();
    await expect(config).toBeVisible();
    const y = async (locator: typeof charts) => (await locator.boundingBox())?.y ?? Number.NaN;
    const [healthY, chartsY, rolloutY, configY] = [await y(health), await y(charts), await y(rollout), await y(config)];
    expect(healthY).toBeLessThan(chartsY);
    expect(chartsY).toBeLessThan(rolloutY);
    expect(rolloutY).toBeLessThan(configY);
    // The start form opens on demand, not by default.
    await expect(page.getByRole('form', { name: 'Start rollout' })).toHaveCount(0);
    await snapshot(page, testInfo, 'endpoint-page');
  });

  test('at 390 px the sidebar folds into a menu', async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, '/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    const main = page.getByRole('main');
    expect((await main.boundingBox())?.width).toBeGreaterThan(350);
    await snapshot(page, testInfo, 'phone-closed');

    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(nav).toBeVisible();
    await snapshot(page, testInfo, 'phone-open');
    await nav.getByRole('link', { name: 'Models' }).click();
    await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();
  });

  test('at desktop width the sidebar shows its links without a menu button', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, '/');
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  });
});
