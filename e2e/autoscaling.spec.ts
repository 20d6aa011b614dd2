import { expect, snapshot, signIn, test, uniqueName } from './fixtures';

test.describe('autoscaling', () => {
  test('set a policy on the endpoint page, see the replica chart, a bad policy names its field, turn it off', async ({ page, adminApi }, testInfo) => {
    const model = uniqueName('asmodel');
    const endpoint = uniqueName('as');
    await adminApi.createModel(model);
    await adminApi.uploadVersion(model);
    const created = await adminApi.request.post('/api/v1/endpoints', { data: { name: endpoint, model, version: 1 } });
    expect(created.status(), await created.text()).toBe(201);

    await signIn(page, `/endpoints/${endpoint}`);
    const panel = page.getByRole('region', { name: 'Autoscaling' });
    await expect(panel.getByText('Fixed: 1 replica (no autoscaling policy).')).toBeVisible();
    await panel.getByRole('button', { name: 'Set up autoscaling' }).click();

    // min above max: the API's 400 names the field, shown beside it.
    await panel.getByLabel('Min replicas').fill('3');
    await panel.getByLabel('Max replicas').fill('2');
    await panel.getByRole('button', { name: 'Save policy' }).click();
    await expect(panel.getByText('minReplicas 3 exceeds maxReplicas 2').first()).toBeVisible();

    await panel.getByLabel('Min replicas').fill('1');
    await panel.getByLabel('Max replicas').fill('3');
    await panel.getByLabel('Metric').selectOption('queue');
    await panel.getByLabel('Target', { exact: true }).fill('8');
    await panel.getByLabel('Upscale delay (s)').fill('5');
    await panel.getByRole('button', { name: 'Save policy' }).click();
    await expect(panel.getByText(/^1–3 replicas on queued requests per replica, target 8; up after 5 s, down after 120 s/)).toBeVisible();

    const chart = panel.getByRole('figure', { name: 'Replicas per version' });
    await expect(chart).toBeVisible();
    await expect(chart.getByText('v1 ready')).toBeVisible();
    await expect(panel.getByTestId('scaling-ready')).toHaveText('1');
    await expect(panel.getByTestId('scaling-desired')).toHaveText('1');
    await snapshot(page, testInfo, 'autoscaling-panel');

    const api = await adminApi.request.get(`/api/v1/endpoints/${endpoint}/scaling`);
    expect((await api.json()).policy).toMatchObject({ minReplicas: 1, maxReplicas: 3, metric: 'queue', target: 8 });

    await panel.getByRole('button', { name: 'Edit autoscaling' }).click();
    await panel.getByRole('button', { name: 'Turn autoscaling off' }).click();
    await expect(panel.getByText('Fixed: 1 replica (no autoscaling policy).')).toBeVisible();

    const removed = await adminApi.request.delete(`/api/v1/endpoints/${endpoint}`);
    expect(removed.status()).toBe(204);
  });
});
