import { DEMO_ONNX, expect, signIn, snapshot, test, uniqueName } from './fixtures';

test.describe('models', () => {
  test('create a model and upload the demo ONNX model through the forms', async ({ page }, testInfo) => {
    const name = uniqueName('cls');
    await signIn(page, '/models');

    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description').fill('text orientation classifier');
    await page.getByLabel('Tags').fill('ocr, demo');
    await page.getByRole('button', { name: 'Create model' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Model ${name} created.` })).toBeVisible();
    await page.getByLabel('Filter').fill(name);
    const row = page.getByRole('table', { name: 'Models' }).getByRole('row').filter({ hasText: name });
    await expect(row).toContainText('text orientation classifier');
    await expect(row).toContainText('ocr');
    await snapshot(page, testInfo, 'models');

    await row.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Versions' })).toContainText('No versions yet.');

    await page.getByLabel('Model file').setInputFiles(DEMO_ONNX);
    await page.getByLabel('Version description (optional)').fill('from the OCR bundle');
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Version 1 uploaded.' })).toBeVisible();

    const versions = page.getByRole('table', { name: 'Versions' });
    const v1 = versions.getByRole('row').filter({ has: page.getByRole('cell', { name: '1', exact: true }) });
    await expect(v1.getByRole('list', { name: 'Inputs of version 1' })).toHaveText(/^x FP32 \[[^,]+, 3, [^,]+, [^,]+\]$/);
    await expect(v1.getByRole('list', { name: 'Outputs of version 1' })).toHaveText(/^softmax_0\.tmp_0 FP32 \[[^,]+, 2\]$/);
    await expect(v1).toContainText('ready');
    await expect(v1.getByRole('link', { name: 'Download' })).toHaveAttribute('href', `/api/v1/models/${name}/versions/1/artifact`);
    await snapshot(page, testInfo, 'model-page');
  });

  test('uploading a file that is not ONNX shows the API\'s 422 message', async ({ page, adminApi }) => {
    const name = uniqueName('junk');
    await adminApi.createModel(name);
    await signIn(page, `/models/${name}`);

    // Dropped onto the zone rather than picked, so drag-and-drop is covered too.
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['this is not a protobuf model'], 'notes.onnx', { type: 'application/octet-stream' }));
      return transfer;
    });
    await page.getByText('Drop an .onnx file here, or choose one').dispatchEvent('drop', { dataTransfer });
    await expect(page.getByText(/^notes\.onnx \(\d+ B\)$/)).toBeVisible();
    await page.getByRole('button', { name: 'Upload' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not a loadable ONNX model' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Versions' })).toContainText('No versions yet.');
  });

  test('an invalid name shows the validation error next to the field', async ({ page }) => {
    await signIn(page, '/models');
    await page.getByLabel('Name', { exact: true }).fill('Not A DNS Label!');
    await page.getByRole('button', { name: 'Create model' }).click();
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#model-name-error')).not.toBeEmpty();
  });

  test('the filter narrows the table', async ({ page, adminApi }) => {
    const keep = uniqueName('filterkeep');
    const other = uniqueName('filterother');
    await adminApi.createModel(keep);
    await adminApi.createModel(other);
    await signIn(page, '/models');
    const table = page.getByRole('table', { name: 'Models' });

    await page.getByLabel('Filter').fill(keep);
    await expect(table).toContainText(keep);
    await expect(table).not.toContainText(other);
    await page.getByLabel('Filter').fill(other);
    await expect(table).toContainText(other);
    await expect(table).not.toContainText(keep);
  });
});
