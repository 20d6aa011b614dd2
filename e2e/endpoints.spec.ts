import { expect, signIn, snapshot, test, uniqueName } from './fixtures';

test.describe('endpoints', () => {
  test('the demo endpoint is listed', async ({ page }, testInfo) => {
    await signIn(page, '/endpoints');
    const row = page.getByRole('table', { name: 'Endpoints' }).getByRole('row').filter({ hasText: 'text-orientation' });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(4)).toHaveText(/^(cpu|cuda)$/);
    await snapshot(page, testInfo, 'endpoints');
  });

  test('create an endpoint from a model version, edit its config, delete it', async ({ page, adminApi }, testInfo) => {
    const model = uniqueName('epmodel');
    const endpoint = uniqueName('ep');
    await adminApi.createModel(model);
    await adminApi.uploadVersion(model);
    await signIn(page, '/endpoints');

    await page.getByLabel('Endpoint name').fill(endpoint);
    await page.getByLabel('Model', { exact: true }).selectOption(model);
    await page.getByLabel('Version', { exact: true }).selectOption('1');
    await expect(page.getByLabel('Max batch size')).toHaveValue('32');
    await page.getByLabel('Max batch size').fill('8');
    await page.getByLabel('Max queue delay (ms)').fill('5');
    await page.getByRole('button', { name: 'Create endpoint' }).click();

    await expect(page).toHaveURL(new RegExp(`/endpoints/${endpoint}$`));
    await expect(page.getByRole('heading', { name: endpoint, level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Serving' }).getByRole('link', { name: model })).toHaveAttribute('href', `/models/${model}`);
    await expect(page.getByText('Max batch size', { exact: true }).locator('+ dd')).toHaveText('8');
    await expect(page.getByText('Max queue delay', { exact: true }).locator('+ dd')).toHaveText('5 ms');
    await snapshot(page, testInfo, 'endpoint-page');

    await page.getByRole('button', { name: 'Edit config' }).click();
    await page.getByLabel('Response cache enabled').check();
    await page.getByLabel('Cache max size (MB)').fill('16');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Response cache', { exact: true }).locator('+ dd')).toHaveText('on, up to 16 MB');

    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await page.getByRole('button', { name: `Yes, delete ${endpoint}` }).click();
    await expect(page).toHaveURL(/\/endpoints$/);
    await expect(page.getByRole('table', { name: 'Endpoints' })).not.toContainText(endpoint);
  });
});
