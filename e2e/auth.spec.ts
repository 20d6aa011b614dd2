import { ADMIN_TOKEN, expect, snapshot, test, uniqueName } from './fixtures';

test.describe('sign-in', () => {
  test('an unauthenticated visit is sent to /login and back after signing in', async ({ page }, testInfo) => {
    await page.goto('/models');
    await expect(page).toHaveURL(/\/login\?next=%2Fmodels$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Slipway' })).toBeVisible();
    await snapshot(page, testInfo, 'login');

    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/models$/);
    await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
    await expect(page.getByRole('complementary')).toContainText('admin');
  });

  test('a bad token shows "Invalid token" and stays on the form', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('API token').fill('slw_not_a_real_token_at_all_000000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Next.js adds its own (empty) route-announcer alert, hence the filter.
    await expect(page.getByRole('alert').filter({ hasText: 'Invalid token' })).toHaveText('Invalid token');
    await expect(page).toHaveURL(/\/login/);
  });

  test('signing out ends the session', async ({ page }, testInfo) => {
    await page.goto('/login');
    await page.getByLabel('API token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    // The demo seeds one endpoint, so the count is a number of at least 1.
    await expect(page.getByRole('region', { name: 'Endpoints' })).toContainText(/^Endpoints[1-9]\d*/);
    await snapshot(page, testInfo, 'overview');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/endpoints');
    await expect(page).toHaveURL(/\/login\?next=%2Fendpoints$/);
  });

  test('a viewer sees the pages but no mutation controls', async ({ page, adminApi }) => {
    const response = await adminApi.request.post('/api/v1/tokens', { data: { name: uniqueName('viewer'), role: 'viewer' } });
    expect(response.status(), await response.text()).toBe(201);
    const { secret } = (await response.json()) as { secret: string };

    await page.goto('/login?next=%2Fmodels');
    await page.getByLabel('API token').fill(secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('table', { name: 'Models' })).toBeVisible();
    await expect(page.getByRole('complementary')).toContainText('viewer');
    await expect(page.getByRole('button', { name: 'Create model' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Endpoints' }).click();
    await expect(page.getByRole('table', { name: 'Endpoints' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create endpoint' })).toHaveCount(0);
  });

  test('an expired or forged session cookie also ends at /login', async ({ page, context, baseURL }) => {
    // The proxy only checks that a cookie exists; the API's 401 sends the browser to sign in.
    await context.addCookies([{ name: 'slipway_session', value: 'forged', url: baseURL ?? '' }]);
    await page.goto('/audit');
    await expect(page).toHaveURL(/\/login\?next=%2Faudit$/);
    await expect(page.getByRole('heading', { name: 'Sign in to Slipway' })).toBeVisible();
  });
});
