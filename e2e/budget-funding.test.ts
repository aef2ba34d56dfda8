import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';
import { dollarsShown, openDemoPortfolio } from './budget-pages.ts';

const skip = browserSkipReason();

async function runOptimizer(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Run optimizer' }).click();
  await page.getByTestId('run-status').getByText('optimal').waitFor({ timeout: 60_000 });
  return dollarsShown(String(await page.getByTestId('run-objective').textContent()));
}

describe('budget funding sources and grant rules: shown to readers, edited by the owner (Chromium)', {
  skip,
}, () => {
  const demo = demoBrowserSuite();

  it('readers outside the budget office see the sources and rules but get no edit button', async () => {
    // analyst@: the owning agency (OHS) but no budget.write; planner@: budget.write in VDEM, a partner it is shared with.
    for (const email of ['analyst@vigil.example', 'planner@vigil.example']) {
      const page = await newPage(demo.browser, { width: 1440, height: 900 });
      await signIn(page, demo.server.base, email);
      await openDemoPortfolio(page, demo.server.base);
      const panel = page.getByRole('region', { name: 'Funding sources and grant rules' });
      const shsp = panel.locator('tr[data-source="SHSP"]');
      await shsp.waitFor();
      assert.match(String(await shsp.textContent()), /\$1\.90M/, `${email} sees SHSP's yearly amount`);
      assert.match(String(await panel.locator('tr[data-rule="0"]').textContent()), /LETPA ≥ 35 %/);
      assert.equal(await page.getByRole('button', { name: 'Edit funding and rules' }).count(), 0, email);
      assert.equal(await page.getByRole('button', { name: 'Edit candidates' }).count(), 0, email);
      await page.context().close();
    }
  });

  it('a finance officer sees what binds, cuts UASI in FY2027, fixes a field error and gets a smaller plan', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    const panel = page.getByRole('region', { name: 'Funding sources and grant rules' });
    const sources = panel.getByRole('table', { name: /Funding sources/ });
    const rules = panel.getByRole('table', { name: 'Grant rules' });
    const uasi = sources.locator('tr[data-source="UASI"]');
    const bric = sources.locator('tr[data-source="BRIC"]');
    await uasi.waitFor();
    assert.deepEqual(
      (await uasi.locator('td').allTextContents()).slice(0, 5),
      ['$800,000', '$800,000', '$800,000', '$800,000', '$3.20M'],
      'four fiscal years and the total',
    );
    assert.match(String(await bric.textContent()), /mitigation, planning.*75 %.*2031-09-30/);
    assert.equal(
      await sources.locator('thead th').nth(2).textContent(),
      'FY2027',
      'years are labelled by fiscal year',
    );
    const letpa = rules.locator('tr[data-rule="0"]');
    const norfolk = rules.locator('tr[data-rule="4"]');
    assert.match(String(await letpa.textContent()), /LETPA ≥ 35 % of SHSP\+UASI.*Minimum share of sources/);
    assert.match(String(await norfolk.textContent()), /Norfolk ≤ \$12M.*county 51710.*≤ \$12\.00M/);
    assert.equal(await letpa.locator('td').last().textContent(), '–', 'no run yet, nothing binds');

    const before = await runOptimizer(page);
    // The demo plan spends SHSP+UASI on LETPA at exactly the 35 % floor; Norfolk's candidates
    // together cost less than its $12M ceiling, so that rule can never bind.
    await letpa.locator('td').last().getByText('binds').waitFor();
    assert.equal(await norfolk.locator('td').last().textContent(), 'has room');
    await assertAccessible(page, 'funding panel with an optimizer run');

    await page.getByRole('button', { name: 'Edit funding and rules' }).click();
    const editor = page.getByRole('form', { name: 'Edit funding and rules' });
    await editor.waitFor();
    assert.equal(
      await page.getByRole('button', { name: 'Edit candidates' }).isDisabled(),
      true,
      'one editor at a time',
    );
    await assertAccessible(page, 'funding editor');
    const uasi2027 = editor.getByLabel('UASI FY2027 amount (US dollars)');
    assert.equal(await uasi2027.inputValue(), '800000');
    assert.equal(await editor.getByLabel(/BRIC federal cost-share ceiling/).inputValue(), '75');
    assert.equal(
      await editor.getByRole('group', { name: 'Rule 1' }).getByLabel('Share (percent)').inputValue(),
      '35',
    );

    // An empty amount: the server names sources[1].amount_by_year[1] and the box says so.
    await uasi2027.fill('');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'UASI FY2027 amount (US dollars)',
    );
    assert.equal(await uasi2027.getAttribute('aria-invalid'), 'true');
    assert.equal(
      await editor.getByLabel('UASI FY2028 amount (US dollars)').getAttribute('aria-invalid'),
      null,
      'only the year named is marked',
    );
    const describedBy = String(await uasi2027.getAttribute('aria-describedby'));
    const message = String(await page.locator(`[id="${describedBy}"]`).textContent());
    assert.match(message, /sources\[1\]\.amount_by_year\[1\].*number/);
    await assertAccessible(page, 'funding editor with a field error');

    await uasi2027.fill('100000');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      // $32.70M listed, UASI FY2027 cut by $700,000, and EMPG's FY2028–29 $1.80M past its period of performance
      // (2027-09-30) not counted.
      .getByText(/Saved version 2: \$30\.20M available from 5 sources under 5 grant rules/)
      .waitFor();
    assert.equal(await editor.count(), 0, 'the editor closes after saving');
    await page.getByText('Not optimized yet.').waitFor();
    assert.equal(await uasi.locator('td').nth(1).textContent(), '$100,000');
    assert.equal(await uasi.locator('td').nth(4).textContent(), '$2.50M');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Edit funding and rules',
      'focus returns to the button that opened the editor',
    );

    const after = await runOptimizer(page);
    assert.ok(after < before, `less UASI money buys less benefit: ${after} < ${before}`);
    await assertAccessible(page, 'portfolio with the funding panel after the cut');
    await page.context().close();
  });

  it('a finance officer adds a grant rule; a rule refused as a whole still names its empty share', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    await page.getByRole('button', { name: 'Edit funding and rules' }).click();
    const editor = page.getByRole('form', { name: 'Edit funding and rules' });
    await editor.getByRole('button', { name: 'Add rule' }).click();
    const rule = editor.getByRole('group', { name: 'Rule 6' });
    assert.equal(
      await page.evaluate(
        () => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent,
      ),
      'Rule 6',
      'focus moves into the new rule',
    );
    await rule.getByLabel('Label (optional)').fill('Cyber ≤ 50 % of SHSP');
    await rule.getByLabel('Kind').selectOption('max_share');
    await rule.getByRole('group', { name: 'Sources' }).getByLabel('SHSP').check();
    await rule.getByLabel('Category').fill('cyber');
    // No share: the server names rules[5].share (rules parse by kind); the form shows it beside the box.
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const share = rule.getByLabel('Share (percent)');
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    assert.equal(await share.getAttribute('aria-invalid'), 'true');
    assert.match(String(await rule.locator('ul.field-error').textContent()), /Rule 6 — share:/);
    await assertAccessible(page, 'a new grant rule with a field error');

    await share.fill('50');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved version \d+: .* under 6 grant rules/)
      .waitFor();
    const added = page.getByRole('table', { name: 'Grant rules' }).locator('tr[data-rule="5"]');
    assert.match(
      String(await added.textContent()),
      /Cyber ≤ 50 % of SHSP.*Maximum share of sources.*category cyber within SHSP.*≤ 50 %/,
    );
    await page.context().close();
  });

  it('a finance officer adds HMGP (named) after a declaration, cannot remove EMPG while candidates use it, then removes HMGP', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    const sources = page.getByRole('table', { name: /Funding sources:/ });
    const editFunding = page.getByRole('button', { name: 'Edit funding and rules' });
    const editor = page.getByRole('form', { name: 'Edit funding and rules' });
    const focusIsHeading = () =>
      page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`);

    await editFunding.click();
    await editor.getByRole('button', { name: 'Add source' }).click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'New source ID');
    await editor.getByLabel('New source ID').fill('HMGP');
    const hmgpName = 'Hazard Mitigation Grant Program';
    await editor.getByLabel('HMGP name (optional)').fill(hmgpName);
    const amounts = [1_000_000, 2_000_000, 2_000_000];
    for (const [j, amount] of amounts.entries()) {
      await editor.getByLabel(`HMGP FY${2026 + j} amount (US dollars)`).fill(String(amount));
    }
    await editor.getByLabel(/HMGP federal cost-share ceiling/).fill('75');
    await editor.getByLabel('HMGP period of performance end').fill('2032-09-30');
    await editor.getByLabel(/HMGP eligible categories/).fill('mitigation');
    await assertAccessible(page, 'funding editor with a new source');

    // FY2029 left empty: the server names sources[5] (the new row's position) and the box says so.
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const hmgp2029 = editor.getByLabel('HMGP FY2029 amount (US dollars)');
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'HMGP FY2029 amount (US dollars)',
    );
    assert.equal(await hmgp2029.getAttribute('aria-invalid'), 'true');
    const describedBy = String(await hmgp2029.getAttribute('aria-describedby'));
    assert.match(
      String(await page.locator(`[id="${describedBy}"]`).textContent()),
      /HMGP — sources\[5\]\.amount_by_year\[3\]/,
    );
    await assertAccessible(page, 'a new source with a field error');
    await hmgp2029.fill('1000000');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved version \d+: .* available from 6 sources/)
      .waitFor();
    const added = sources.locator('tr[data-source="HMGP"]');
    assert.deepEqual(
      (await added.locator('td').allTextContents()).slice(0, 8),
      ['$1.00M', '$2.00M', '$2.00M', '$1.00M', '$6.00M', 'mitigation', '75 %', '2032-09-30'],
      'HMGP with its yearly amounts, total, categories, ceiling and end',
    );
    // The name was saved with the source: still there when the page is read afresh from the server.
    await page.reload();
    await added.waitFor();
    assert.equal(await added.locator('th').textContent(), `HMGP ${hmgpName}`, 'HMGP with its name');

    // EMPG pays for demo candidates: the refusal names their eligible_sources, and nothing is saved.
    await editFunding.click();
    assert.equal(await editor.getByLabel('HMGP name (optional)').inputValue(), hmgpName);
    await editor.getByRole('button', { name: 'Remove EMPG' }).click();
    assert.equal(await focusIsHeading(), 'H2 Edit funding and rules', 'focus goes to the editor heading');
    assert.equal(await editor.locator('tr[data-source="EMPG"]').count(), 0);
    await editor.getByRole('button', { name: 'Save changes' }).click();
    const refusal = editor.getByRole('alert');
    await refusal.waitFor();
    assert.match(
      String(await refusal.textContent()),
      /portfolio\.investments\[\d+\]\.eligible_sources\[\d+\]: unknown source EMPG/,
    );
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'alert');
    await assertAccessible(page, 'funding editor refusing to remove a source in use');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await sources.locator('tr[data-source="EMPG"]').waitFor();
    assert.equal(await sources.locator('tbody tr[data-source]').count(), 6, 'nothing was saved');

    await editFunding.click();
    await editor.getByRole('button', { name: 'Remove HMGP' }).click();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .getByText(/Saved version \d+: .* available from 5 sources/)
      .waitFor();
    assert.equal(await added.count(), 0, 'HMGP is gone');
    await page.context().close();
  });
});
