/**
 * The tokens page: an admin creates a token (the secret shown once, copied to the clipboard),
 * the token works, then is revoked after a confirmation and stops working. Viewers see no link.
 */
import { expect, signIn, snapshot, test, uniqueName } from './fixtures';

test.describe('tokens', () => {
  test('an admin creates a token, copies its secret once, and revokes it', async ({ page, context, adminApi }, testInfo) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tokens' }).click();
    await expect(page.getByRole('heading', { name: 'Tokens', level: 1 })).toBeVisible();

    const name = uniqueName('ci');
    const form = page.getByRole('form', { name: 'New token' });
    await form.getByLabel('Token name').fill(name);
    await form.getByLabel('Role').selectOption('deployer');
    await form.getByRole('button', { name: 'Create token' }).click();

    const created = page.getByRole('status', { name: 'New token' });
    const secret = (await created.getByLabel('Token secret').textContent()) ?? '';
    expect(secret).toMatch(/^slw_/);
    await created.getByRole('button', { name: 'Copy secret' }).click();
    await expect(created.getByRole('button', { name: 'Copy secret' })).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await snapshot(page, testInfo, 'token-created');

    const me = await adminApi.request.get('/api/v1/auth/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect(await me.json()).toMatchObject({ name, role: 'deployer' });

    // Once dismissed, the secret is gone from the page; the list shows only its prefix.
    await created.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(secret)).toHaveCount(0);
    const row = page.getByRole('table', { name: 'Tokens' }).getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('deployer');
    await expect(row).toContainText(secret.slice(0, 8));

    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    const confirm = page.getByRole('group', { name: `Confirm revoking ${name}` });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await confirm.getByRole('button', { name: `Yes, revoke ${name}` }).click();
    await expect(page.getByRole('table', { name: 'Tokens' }).getByRole('row').filter({ hasText: name })).toHaveCount(0);

    const after = await adminApi.request.get('/api/v1/auth/me', { headers: { Authorization: `Bearer ${secret}` } });
    expect(after.status()).toBe(401);
  });

  test('viewers and deployers do not see the Tokens link', async ({ page, adminApi }) => {
    for (const role of ['viewer', 'deployer'] as const) {
      const response = await adminApi.request.post('/api/v1/tokens', { data: { name: uniqueName(role), role } });
      expect(response.status(), await response.text()).toBe(201);
      const { secret } = (await response.json()) as { secret: string };
      await page.context().clearCookies();
      await page.goto('/login?next=%2F');
      await page.getByLabel('API token').fill(secret);
      await page.getByRole('button', { name: 'Sign in' }).click();
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav.getByRole('link', { name: 'Audit' })).toBeVisible();
      await expect(nav.getByRole('link', { name: 'Tokens' })).toHaveCount(0);
    }
  });
});
