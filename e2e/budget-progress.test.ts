import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePortfolio } from '@vigil/core/budget';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  newPage,
  screenshotPath,
  signIn,
} from './browser-harness.ts';
import { dollarsShown } from './budget-pages.ts';

const skip = browserSkipReason();

describe('budget optimizer progress: the search shown while it runs (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('a finance officer runs a 1,200-candidate portfolio and watches the best plan close on the bound', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    // A portfolio the size of a multi-year state program, sent as an integration would send it.
    const portfolio = { ...generatePortfolio(2026, 1200), name: 'Statewide program (1,200 candidates)' };
    const created = await page.evaluate(
      async (body) => {
        const session = await (await fetch('/api/v1/auth/session')).json();
        const response = await fetch('/api/v1/budget/portfolios', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: await response.json() };
      },
      { portfolio, marking: { tlp: 'AMBER' } },
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await page.goto(`${demo.server.base}/budget/portfolios/${encodeURIComponent(created.body.id)}`);
    await page.getByRole('heading', { level: 1, name: /Statewide program/ }).waitFor();

    await page.getByLabel('Solver time limit').selectOption('30');
    await page.getByRole('button', { name: 'Run optimizer' }).click();
    const work = page.getByRole('region', { name: 'Optimizer at work' });
    await work.waitFor();
    const text = work.getByTestId('progress-text');
    await text.getByText(/best plan \$/).waitFor({ timeout: 20_000 });
    const shown = String(await text.textContent());
    assert.match(shown, /of 30 s · best plan \$[\d,.]+M · proven bound \$[\d,.]+M · gap \d+\.\d{3} %/);
    const best = dollarsShown(shown, 'best plan');
    assert.ok(dollarsShown(shown, 'proven bound') >= best, 'no plan beats the proven bound');
    assert.ok(
      Number(await work.getByRole('progressbar', { name: 'Solver time used' }).getAttribute('value')) > 0,
    );
    const chart = work.getByRole('img', { name: /Search so far: best plan \$/ });
    await chart.waitFor();
    assert.ok(
      (await chart.locator('polyline.best').getAttribute('points'))?.includes(','),
      'the best-plan line is drawn',
    );
    await work.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('budget-progress.png') });
    await assertAccessible(page, 'optimizer progress while the search runs');

    // The answer replaces the progress, and it is at least the best plan shown on the way.
    await page.getByTestId('run-status').waitFor({ timeout: 60_000 });
    await work.waitFor({ state: 'detached' });
    const objective = dollarsShown(
      `Benefit ${await page.getByTestId('run-objective').textContent()}`,
      'Benefit',
    );
    assert.ok(objective >= best - 0.01e6, `answer ${objective} below the plan shown ${best}`);
    await page.context().close();
  });
});
