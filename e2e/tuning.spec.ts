import { expect, signIn, test } from './fixtures';

test.describe('tuning', () => {
  test('start a tuning of the demo endpoint, watch its throughput-vs-p99 chart fill, and see the config it chose', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, '/endpoints/text-orientation');
    const panel = page.getByRole('region', { name: 'Tuning' });
    await panel.getByLabel('p99 target (ms)').fill('1000');
    await panel.getByLabel('At most (minutes)').fill('0.2');
    // A shape the model cannot take is refused under its field, and nothing starts.
    const shapes = panel.getByLabel('Input shapes (optional, for dynamic dims)');
    await shapes.fill('x: 1,1,32,100');
    await panel.getByRole('button', { name: 'Start tuning' }).click();
    await expect(panel.getByText(/input 'x': dim 1 is fixed at 3/).first()).toBeVisible();
    await expect(panel.getByRole('status', { name: 'Tuning progress' })).toHaveCount(0);
    // The demo's text lines are 32 × 100 here: the run says what it measured with.
    await shapes.fill('x: 1,3,32,100');
    await panel.getByRole('button', { name: 'Start tuning' }).click();

    await expect(panel.getByRole('status', { name: 'Tuning progress' })).toContainText('running');
    await expect(panel.getByText('Synthetic requests shaped x [1, 3, 32, 100]')).toBeVisible();
    const chart = panel.getByRole('figure', { name: 'Throughput vs p99' });
    await expect(chart).toBeVisible({ timeout: 90_000 });
    await expect(chart.getByRole('img', { name: /^Throughput vs p99: [1-9]\d* points measured/ })).toBeVisible();

    // At most 0.2 minutes of measuring: the run ends with a chosen point and an apply button.
    await expect(panel.getByRole('status', { name: 'Tuning progress' })).toContainText('succeeded', { timeout: 90_000 });
    await expect(chart.getByRole('img', { name: /chosen \d+ req\/s at [\d.]+ ms$/ })).toBeVisible();
    await expect(panel.getByText(/Best within the SLA: \d+ instances × \d+ threads/)).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Apply best config' })).toBeVisible();
  });
});
