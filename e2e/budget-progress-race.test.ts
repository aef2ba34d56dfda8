import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idleOptimizeProgress, type OptimizeProgress, optimizeProgressSchema } from '@vigil/core/budget';
import type { Page } from 'playwright-core';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';
import { openDemoPortfolio } from './budget-pages.ts';

const skip = browserSkipReason();

type Gate = { promise: Promise<void>; open(): void };

function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** A running solve's report, checked against the route's own contract so the page gets what the server could send. */
function running(version: number, seconds: number, objective: number, bound: number): OptimizeProgress {
  return optimizeProgressSchema.parse({
    state: 'running',
    version,
    seconds,
    time_limit: 10,
    objective,
    bound,
    gap: (bound - objective) / bound,
  });
}

/**
 * Why the progress route is scripted: both races are about which answer reaches the page
 * when, and a real solver cannot be timed to report another version's solve, or to stay
 * silent at the start of a second run, on cue. So `GET …/optimize/progress` answers what
 * the test says (`answer`), or keeps a poll waiting while `hold` is shut; and the real
 * `POST …/optimize` (real server, real SQLite, real HiGHS) is solved at once but handed to
 * the page only when its gate opens, so the optimizer stays "at work" as long as the test
 * needs. Everything else on the page is real.
 */
async function scriptOptimizer(page: Page) {
  const script = {
    answer: idleOptimizeProgress,
    hold: null as Gate | null,
    /** Polls that reached the route (answered or waiting). */
    polls: 0,
    /** The next `POST …/optimize` reaches the page when this opens. */
    solve: gate(),
  };
  await page.route(
    (url) => url.pathname.endsWith('/optimize/progress'),
    async (route) => {
      script.polls += 1;
      await script.hold?.promise;
      await route.fulfill({ json: script.answer });
    },
  );
  await page.route(
    (url) => url.pathname.endsWith('/optimize'),
    async (route) => {
      const solved = script.solve;
      const response = await route.fetch({ timeout: 120_000 });
      await solved.promise;
      await route.fulfill({ response });
    },
  );
  return script;
}

/** The portfolio open on the page: its id (from the address) and the version shown. */
async function shownPortfolio(page: Page): Promise<{ id: string; version: number }> {
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1) ?? '');
  const version = await page.evaluate(
    async (path) => (await (await fetch(path)).json()).version as number,
    `/api/v1/budget/portfolios/${encodeURIComponent(id)}`,
  );
  assert.ok(Number.isInteger(version), `version of ${id}`);
  return { id, version };
}

/**
 * Every state of the progress view the DOM ever held (its text, the chart's label and the
 * time bar), recorded by a MutationObserver: observers run before the browser paints, so a
 * number that was on screen for a single frame is in the list. Returns a reader of the list.
 */
async function recordProgressStates(page: Page): Promise<() => Promise<string[]>> {
  // A string, not a function: the test runner's transform would name the inner function with a
  // helper the page does not have.
  await page.evaluate(`(() => {
    const states = [];
    window.progressStates = states;
    const look = () => {
      const section = document.querySelector('section.budget-progress');
      const state = section
        ? [
            section.querySelector('[data-testid="progress-text"]')?.textContent ?? '',
            section.querySelector('svg.budget-convergence')?.getAttribute('aria-label') ?? 'no chart',
            'time bar ' + (section.querySelector('progress')?.getAttribute('value') ?? ''),
          ].join(' | ')
        : 'no progress view';
      if (states.at(-1) !== state) states.push(state);
    };
    look();
    new MutationObserver(look).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  })()`);
  return () => page.evaluate(() => (window as unknown as { progressStates: string[] }).progressStates);
}

describe('budget optimizer progress: only this run of this version is shown (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it("waits behind another version's solve without showing its numbers, then shows its own", async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    const { version } = await shownPortfolio(page);
    const script = await scriptOptimizer(page);
    // A colleague saved the next version and is solving it; this page still shows the one before.
    script.answer = running(version + 1, 4, 333_330_000, 340_000_000);
    const states = await recordProgressStates(page);

    await page.getByLabel('Solver time limit').selectOption('10');
    await page.getByRole('button', { name: 'Run optimizer' }).click();
    const work = page.getByRole('region', { name: 'Optimizer at work' });
    const text = work.getByTestId('progress-text');
    await text
      .getByText('Waiting for the solver (other solves are ahead of this one)…')
      .waitFor({ timeout: 10_000 });
    assert.equal(await work.getByRole('img').count(), 0, "no chart of the other version's search");
    assert.equal(
      await work.getByRole('progressbar', { name: 'Solver time used' }).getAttribute('value'),
      '0',
    );
    assert.doesNotMatch(String(await work.textContent()), /333\.33|340\.00/);
    await assertAccessible(page, "optimizer progress waiting behind another version's solve");

    // Its own solve starts: now the numbers are this page's.
    script.answer = running(version, 2, 444_440_000, 450_000_000);
    await text.getByText(/best plan \$444\.44M · proven bound \$450\.00M/).waitFor({ timeout: 10_000 });
    await work.getByRole('img', { name: /Search so far: best plan \$444\.44M/ }).waitFor();
    await assertAccessible(page, 'optimizer progress of its own version');

    script.solve.open();
    await page.getByTestId('run-status').waitFor({ timeout: 60_000 });
    await work.waitFor({ state: 'detached' });
    const seen = await states();
    assert.ok(
      seen.some((state) => state.startsWith('Waiting for the solver')),
      seen.join('\n'),
    );
    assert.deepEqual(
      seen.filter((state) => /333\.33|340\.00/.test(state)),
      [],
      "the other version's numbers never reached the page",
    );
    await page.context().close();
  });

  it("a second run starts from nothing: the first run's numbers never show, not for a frame", async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await openDemoPortfolio(page, demo.server.base);
    const { version } = await shownPortfolio(page);
    const script = await scriptOptimizer(page);
    const work = page.getByRole('region', { name: 'Optimizer at work' });
    const text = work.getByTestId('progress-text');
    const runButton = page.getByRole('button', { name: 'Run optimizer' });
    await page.getByLabel('Solver time limit').selectOption('10');

    // The first run reports once and ends.
    script.answer = running(version, 4, 111_110_000, 120_000_000);
    await runButton.click();
    await text.getByText(/best plan \$111\.11M/).waitFor({ timeout: 10_000 });
    await work.getByRole('img', { name: /Search so far: best plan \$111\.11M/ }).waitFor();
    script.solve.open();
    await work.waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByTestId('run-status').waitFor();

    // The second run: its first report is kept back until the page has shown how it starts.
    script.solve = gate();
    script.hold = gate();
    script.answer = running(version, 1, 222_220_000, 230_000_000);
    const states = await recordProgressStates(page);
    const pollsBefore = script.polls;
    await runButton.click();
    await work.waitFor();
    // The page has asked for the second run's progress and has no answer yet.
    for (const waitUntil = Date.now() + 10_000; script.polls === pollsBefore; ) {
      assert.ok(Date.now() < waitUntil, 'the second run polls for its progress');
      await page.waitForTimeout(50);
    }
    assert.equal(await text.textContent(), 'Starting…');
    assert.equal(await work.getByRole('img').count(), 0, 'no chart before the first report');
    assert.equal(await work.locator('.budget-legend').count(), 0, 'no legend before the first report');
    assert.equal(
      await work.getByRole('progressbar', { name: 'Solver time used' }).getAttribute('value'),
      '0',
    );
    await assertAccessible(page, 'optimizer progress of a second run before its first report');

    script.hold.open();
    script.hold = null;
    await text.getByText(/1 of 10 s · best plan \$222\.22M/).waitFor({ timeout: 10_000 });
    const chart = work.getByRole('img', { name: /Search so far: best plan \$222\.22M/ });
    await chart.waitFor();
    const drawn = String(await chart.locator('polyline.best').getAttribute('points'));
    assert.equal(drawn.split(' ').length, 1, `one report, one point (none of the first run): ${drawn}`);
    await assertAccessible(page, 'optimizer progress of a second run');

    script.solve.open();
    await work.waitFor({ state: 'detached', timeout: 60_000 });
    const seen = await states();
    assert.equal(seen[0], 'no progress view', seen.join('\n'));
    assert.match(seen[1] ?? '', /^Starting… \| no chart \| time bar 0$/, seen.join('\n'));
    assert.deepEqual(
      seen.filter((state) => /111\.11|120\.00|Search over/.test(state)),
      [],
      'nothing of the first run showed during the second (every DOM state since the click)',
    );
    await page.context().close();
  });
});
