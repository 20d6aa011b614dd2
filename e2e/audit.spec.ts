import { expect, signIn, snapshot, test, uniqueName } from './fixtures';
import { AUDIT_PAGE_SIZE } from '../app/_lib/queries/audit';

test.describe('audit', () => {
  test('changes appear as events with their actor, and the filters narrow them', async ({ page, adminApi }, testInfo) => {
    const name = uniqueName('audited');
    const me = await adminApi.me();
    await adminApi.createModel(name, { description: 'for the audit log' });
    await signIn(page, '/audit');

    const table = page.getByRole('table', { name: 'Audit events' });
    const row = table.getByRole('row').filter({ hasText: name });
    await expect(row.first()).toContainText('model.create');
    await expect(row.first().getByRole('cell').nth(1)).toHaveText(me.name);
    await snapshot(page, testInfo, 'audit');

    await page.getByLabel('Action').fill('session.create');
    await expect(table.getByRole('row').filter({ hasText: 'session.create' }).first()).toBeVisible();
    await expect(table).not.toContainText('model.create');

    await page.getByLabel('Action').fill('');
    await page.getByLabel('Actor').fill('nobody-by-this-name');
    await expect(table).toContainText('No events match.');
  });

  test('"Load more" fetches the next page', async ({ page, adminApi }) => {
    // One more model.create than fits on a page, so the cursor is certain to exist.
    for (let i = 0; i <= AUDIT_PAGE_SIZE; i += 1) await adminApi.createModel(uniqueName('bulk'));
    await signIn(page, '/audit');
    await page.getByLabel('Action').fill('model.create');

    const rows = page.getByRole('table', { name: 'Audit events' }).locator('tbody tr');
    await expect(rows).toHaveCount(AUDIT_PAGE_SIZE);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(AUDIT_PAGE_SIZE);
  });
});
