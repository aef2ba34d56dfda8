import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';
import { demoPortfolioName, openDemoPortfolio } from './budget-pages.ts';

const skip = browserSkipReason();

describe('budget: restoring a deleted portfolio (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('a finance officer deletes the demo portfolio, finds it under "Recently deleted", restores it and optimizes it again', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);

    await page.getByRole('button', { name: 'Delete portfolio' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${demoPortfolioName}”?` });
    await dialog.getByText(/restore it from “Recently deleted”/).waitFor();
    await dialog.getByRole('button', { name: 'Yes, delete portfolio' }).click();
    await page.waitForURL(`${demo.server.base}/budget`);
    await page.getByText('No portfolio you may see.').waitFor();

    const bin = page.getByRole('region', { name: 'Recently deleted' });
    await bin.waitFor();
    const row = bin.getByRole('row', { name: new RegExp(demoPortfolioName.replace(/[()]/g, '\\$&')) });
    assert.match(String(await row.textContent()), /TLP:AMBER/);
    assert.match(
      String(await row.locator('time').getAttribute('datetime')),
      /^\d{4}-\d{2}-\d{2}T/,
      'the deletion time is machine-readable too',
    );
    await assertAccessible(page, 'budget list with the recently deleted section');

    // An analyst of the same agency reads budgets but may not delete: no bin for them.
    const analystPage = await newPage(demo.browser);
    await signIn(analystPage, demo.server.base, 'analyst@vigil.example');
    await analystPage.goto(`${demo.server.base}/budget`);
    await analystPage.getByText('No portfolio you may see.').waitFor();
    assert.equal(await analystPage.getByRole('region', { name: 'Recently deleted' }).count(), 0);
    await analystPage.context().close();

    await bin.getByRole('button', { name: `Restore ${demoPortfolioName}` }).click();
    await page
      .getByRole('status')
      .getByText(`Restored “${demoPortfolioName}” as version 3. Run the optimizer for a plan of it.`)
      .waitFor();
    await bin.waitFor({ state: 'detached' });
    const link = page.getByRole('link', { name: demoPortfolioName });
    await link.waitFor();
    await page.waitForFunction((name) => document.activeElement?.textContent === name, demoPortfolioName, {
      timeout: 5_000,
    });
    await assertAccessible(page, 'budget list after the restore');

    await link.click();
    await page.getByRole('heading', { level: 1, name: demoPortfolioName }).waitFor();
    await page.getByText('Not optimized yet.').waitFor();
    await page.getByRole('button', { name: 'Run optimizer' }).click();
    await page.getByTestId('run-status').getByText('optimal').waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
