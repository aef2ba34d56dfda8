import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';
import { openDemoPortfolio } from './budget-pages.ts';

const skip = browserSkipReason();

describe('budget oversight: execution form, candidate editor, delete (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('a finance officer records an expenditure through the form and sees the execution numbers change', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    const execution = page.getByRole('region', { name: /Execution as of/ });
    const line = execution.locator('tr[data-line="eoc-backup-power/EMPG"]');
    await line.waitFor();
    assert.match(String(await line.textContent()), /\$40,000/);
    const totalsBefore = String(await page.getByTestId('execution-totals').textContent());

    const form = page.getByRole('form', { name: 'Record an award, obligation or expenditure' });
    await form.getByLabel('Investment', { exact: true }).selectOption('eoc-backup-power');
    assert.equal(
      await form.getByLabel('Funding source').inputValue(),
      'EMPG',
      'only eligible sources are offered',
    );
    await form.getByLabel('Kind').selectOption('expenditure');
    // No amount: the server refuses and the form shows why beside the field.
    await form.getByRole('button', { name: 'Record entry' }).click();
    const amount = form.getByLabel('Amount (US dollars)');
    await page.waitForFunction(
      () => document.querySelector('input[type="number"][aria-invalid="true"]') !== null,
    );
    const describedBy = String(await amount.getAttribute('aria-describedby'));
    assert.match(String(await page.locator(`[id="${describedBy}"]`).textContent()), /number/i);
    await assertAccessible(page, 'execution form with a field error');

    await amount.fill('250000');
    await form.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
    await form.getByRole('button', { name: 'Record entry' }).click();
    await form
      .getByRole('status')
      .getByText(/Recorded expenditure of \$250,000/)
      .waitFor();
    await line.getByText('$290,000').waitFor();
    assert.equal(await amount.getAttribute('aria-invalid'), null, 'the error is gone after a good save');
    const totalsAfter = String(await page.getByTestId('execution-totals').textContent());
    assert.notEqual(totalsAfter, totalsBefore);
    assert.match(totalsAfter, /expended \$1\.00M/, 'demo 750,000 expended + 250,000');
    await assertAccessible(page, 'execution panel after recording');
    await page.context().close();
  });

  it('a finance officer edits a candidate, adds one, sees a field error, saves and re-runs the optimizer', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    await page.getByRole('button', { name: 'Run optimizer' }).click();
    await page.getByTestId('run-status').getByText('optimal').waitFor({ timeout: 60_000 });
    const norfolkRow = page.locator('tr[data-investment="substation-floodwalls-norfolk"]');
    assert.match(String(await norfolkRow.textContent()), /not chosen/);

    await page.getByRole('button', { name: 'Edit candidates' }).click();
    const editor = page.getByRole('form', { name: 'Edit candidates' });
    await editor.waitFor();
    await assertAccessible(page, 'candidate editor');
    await editor
      .getByLabel('Benefit of Flood walls at three Norfolk substations (demo) in dollars')
      .fill('500000000');
    await editor.getByRole('button', { name: 'Add candidate' }).click();
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
      'ID of new candidate 19',
      'focus moves to the new line',
    );
    await editor.getByLabel('Name of new candidate 19').fill('Satellite phones for county EOCs');
    const named = 'Satellite phones for county EOCs';
    // Its controls are named after the line, which now has a name.
    const newId = editor.getByLabel(`ID of ${named}`);
    await editor.getByLabel(`Mission area of ${named}`).fill('Response');
    await editor.getByLabel(`Category of ${named}`).fill('equipment');
    await editor.getByLabel(`FY2026 cost of ${named} in dollars`).fill('90000');
    await editor.getByLabel(`Benefit of ${named} in dollars`).fill('4000000');
    // The ID is still empty: the server names investments[18].id and the line shows it.
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const lineErrors = editor.locator('tr.line-errors');
    await lineErrors.waitFor();
    assert.match(String(await lineErrors.textContent()), /investments\[18\]\.id/);
    assert.equal(await newId.getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'candidate editor with a field error');

    await newId.fill('satellite-phones');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved version 2: 19 candidates/)
      .waitFor();
    assert.equal(await editor.count(), 0, 'the editor closes after saving');
    await page.getByText('Not optimized yet.').waitFor();
    const phones = page.locator('tr[data-investment="satellite-phones"]');
    assert.match(String(await phones.textContent()), /Satellite phones for county EOCs/);

    await page.getByRole('button', { name: 'Run optimizer' }).click();
    await page.getByTestId('run-status').getByText('optimal').waitFor({ timeout: 60_000 });
    await norfolkRow.getByText(/chosen: /).waitFor();
    assert.match(String(await norfolkRow.textContent()), /✔ chosen/);
    assert.match(String(await phones.textContent()), /✔ chosen/);
    await assertAccessible(page, 'portfolio after the edit and the new run');
    await page.context().close();
  });

  it('a second tab editing an old version is told to reload; deleting asks first and then removes the portfolio', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    await page.getByRole('button', { name: 'Edit candidates' }).click();
    const editor = page.getByRole('form', { name: 'Edit candidates' });
    // Somebody else saves meanwhile (through the API, as another tab would).
    const current = await page.evaluate(async () => {
      const list = await (await fetch('/api/v1/budget/portfolios')).json();
      return list.items[0] as { id: string; version: number };
    });
    const edited = await page.evaluate(async ({ id, version }) => {
      const session = await (await fetch('/api/v1/auth/session')).json();
      const detail = await (await fetch(`/api/v1/budget/portfolios/${id}`)).json();
      const response = await fetch(`/api/v1/budget/portfolios/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ portfolio: { ...detail.portfolio, name: 'Renamed elsewhere' }, version }),
      });
      return response.status;
    }, current);
    assert.equal(edited, 200);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const alert = editor.getByRole('alert');
    await alert.getByText(/changed since version/).waitFor();
    await editor.getByRole('button', { name: 'Discard my changes and reload' }).click();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved version 4/)
      .waitFor();

    await page.getByRole('button', { name: 'Delete portfolio' }).click();
    const dialog = page.getByRole('dialog', { name: /Delete “Renamed elsewhere”\?/ });
    await dialog.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Cancel',
      'focus lands on Cancel, not on the destructive button',
    );
    await assertAccessible(page, 'delete confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Renamed elsewhere' }).waitFor();

    await page.getByRole('button', { name: 'Delete portfolio' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete portfolio' }).click();
    await page.waitForURL(`${demo.server.base}/budget`);
    await page.getByText('No portfolio you may see.').waitFor();
    const after = await page.evaluate(
      async (id) => (await fetch(`/api/v1/budget/portfolios/${id}`)).status,
      current.id,
    );
    assert.equal(after, 404);
    await assertAccessible(page, 'budget list after the delete');
    await page.context().close();
  });
});
