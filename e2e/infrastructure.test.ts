import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  newPage,
  screenshotPath,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();

/** Raw source ids that HIFLD puts where a substation has no name ("UNKNOWN121383", "TAP147951"). */
const rawSourceId = /^(UNKNOWN|TAP|DEADEND|RISER)\d+$/;

/**
 * Chromium's own note when, run with --disable-gpu, it composites in software and reads each WebGL
 * frame back ("GPU stall due to ReadPixels"): it comes from the test browser, not from the page,
 * and only the first page of the browser gets it ("this message will no longer repeat").
 */
const softwareGlNote =
  /^\[\.WebGL-[0-9a-fx]+\]GL Driver Message \(OpenGL, Performance, [A-Z_]+, High\): GPU stall due to ReadPixels/;

/** Console warnings and errors, and uncaught exceptions, from now on: a clean load logs none. */
function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if ((message.type() === 'warning' || message.type() === 'error') && !softwareGlNote.test(message.text()))
      problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/** Waits until MapLibre went idle with Virginia's 133 county-equivalents and some assets drawn. */
async function waitForVirginiaDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('.infra-map');
      return (
        el?.getAttribute('data-ready') === 'yes' &&
        Number(el.getAttribute('data-asset-count')) > 2000 &&
        el.getAttribute('data-rendered-counties') === '133' &&
        Number(el.getAttribute('data-rendered-assets')) > 0
      );
    },
    null,
    { timeout: 30_000 },
  );
}

/** Each sector's checkbox, colour square and name on one line: their boxes share a row. */
async function assertLegendRows(page: Page): Promise<void> {
  const rows = page.locator('.infra-sectors li');
  assert.ok((await rows.count()) >= 5, 'the demo shows at least five sectors');
  for (const row of await rows.all()) {
    const [check, swatch, label] = await Promise.all([
      row.getByRole('checkbox').boundingBox(),
      row.locator('.infra-swatch').boundingBox(),
      row.locator('label').boundingBox(),
    ]);
    assert.ok(check && swatch && label);
    const middle = (box: { y: number; height: number }) => box.y + box.height / 2;
    const name = await row.locator('label').textContent();
    assert.ok(label.height < 2 * check.height + 8, `"${name}" fits on one line`);
    assert.ok(Math.abs(middle(check) - middle(label)) < 6, `"${name}": checkbox and name share a row`);
    assert.ok(Math.abs(middle(swatch) - middle(label)) < 6, `"${name}": swatch and name share a row`);
    assert.ok(check.x < swatch.x, `"${name}": checkbox, then swatch`);
  }
}

describe('critical infrastructure (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`the page opens on Virginia, the map filling the window beside a panel that scrolls (${viewport.width}×${viewport.height})`, async () => {
      const page = await newPage(demo.browser, viewport);
      await signIn(page, demo.server.base, 'director@vigil.example');
      const problems = collectProblems(page);
      await page.goto(`${demo.server.base}/infrastructure`);
      await waitForVirginiaDrawn(page);

      // The canvas lies within the window and reaches its bottom: what MapLibre drew is on screen.
      const canvas = await page.locator('.infra-map canvas.maplibregl-canvas').boundingBox();
      assert.ok(canvas);
      assert.ok(canvas.x >= 0 && canvas.y > 0, 'the map starts below the top bar');
      assert.ok(canvas.x + canvas.width <= viewport.width + 1, 'the map fits the width');
      assert.ok(canvas.y + canvas.height <= viewport.height + 1, 'the map ends within the window');
      assert.ok(canvas.y + canvas.height >= viewport.height - 2, 'the map fills the height');
      assert.ok(canvas.width > viewport.width / 2, 'the map takes most of the width');

      // The page itself does not scroll; the side panel scrolls on its own.
      const panel = page.getByRole('complementary', { name: 'Infrastructure analysis' });
      const scrolls = await page.evaluate(() => {
        const aside = document.querySelector('.infra-panel') as HTMLElement;
        const root = document.scrollingElement as HTMLElement;
        return {
          page: root.scrollHeight - window.innerHeight,
          panel: aside.scrollHeight - aside.clientHeight,
        };
      });
      assert.ok(scrolls.page <= 1, `the page does not scroll (${scrolls.page} px too tall)`);
      assert.ok(scrolls.panel > 0, 'the panel holds more than the window and scrolls');
      const panelBox = await panel.boundingBox();
      assert.ok(panelBox && panelBox.y + panelBox.height <= viewport.height + 1);
      const ranking = page.getByRole('table');
      await ranking.getByRole('row').nth(1).waitFor();
      await ranking.scrollIntoViewIfNeeded();
      assert.equal(
        await page.evaluate(() => window.scrollY),
        0,
        'scrolling the panel leaves the map in place',
      );
      assert.ok(await panel.evaluate((el) => el.scrollTop > 0));

      await assertLegendRows(page);

      // Single points of failure carry readable names, never the source's placeholder ids.
      const names = await ranking.getByRole('button').allTextContents();
      assert.equal(names.length, 25);
      for (const name of names) {
        assert.ok(name.trim(), 'every ranked asset has a name');
        assert.doesNotMatch(name, rawSourceId);
      }

      await assertAccessible(page, `infrastructure ${viewport.width}×${viewport.height}`);
      await page.screenshot({ path: screenshotPath(`infrastructure-${viewport.width}.png`) });
      assert.deepEqual(problems, [], 'no console warning or error while the page loads');
      await page.context().close();
    });
  }

  it('on a narrow screen the map comes first, on screen, and the panel follows below it', async () => {
    const viewport = { width: 390, height: 844 };
    const page = await newPage(demo.browser, viewport);
    await signIn(page, demo.server.base, 'analyst@vigil.example');
    const problems = collectProblems(page);
    await page.goto(`${demo.server.base}/infrastructure`);
    await waitForVirginiaDrawn(page);
    const canvas = await page.locator('.infra-map canvas.maplibregl-canvas').boundingBox();
    const panel = await page.getByRole('complementary', { name: 'Infrastructure analysis' }).boundingBox();
    assert.ok(canvas && panel);
    assert.ok(canvas.y + canvas.height <= viewport.height, 'the whole map is on the first screen');
    assert.ok(canvas.height >= 300, `the map is tall enough to use (${canvas.height} px)`);
    assert.ok(canvas.width >= viewport.width - 2, 'the map spans the width');
    assert.ok(panel.y >= canvas.y + canvas.height - 1, 'the panel comes below the map');
    assert.ok(panel.x >= 0 && panel.x + panel.width <= viewport.width + 1, 'the panel fits the width');
    await assertLegendRows(page);
    assert.deepEqual(problems, [], 'no console warning or error while the page loads');
    await page.context().close();
  });

  it('the director clicks a substation on the map and sees dependent hospitals fail, on the map and in the list', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'director@vigil.example');
    await page
      .getByRole('navigation', { name: 'Modules' })
      .getByRole('link', { name: 'Infrastructure' })
      .click();
    await page.waitForURL(`${demo.server.base}/infrastructure`);
    const map = page.getByRole('region', { name: /critical infrastructure/ });
    await page.waitForFunction(
      () => {
        const el = document.querySelector('.infra-map');
        return el?.getAttribute('data-ready') === 'yes' && Number(el.getAttribute('data-asset-count')) > 2000;
      },
      null,
      { timeout: 30_000 },
    );

    // The ranking's first substation that takes hospitals down: a planner's click-through.
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    const count = await rows.count();
    let target = '';
    for (let i = 1; i < count && !target; i++) {
      const cells = await rows.nth(i).getByRole('cell').allTextContents();
      if (/Energy/.test(cells[1] ?? '') && Number(cells[4]) > 0)
        target = (await rows.nth(i).getByRole('button').textContent()) ?? '';
    }
    assert.ok(target, 'the demo ranking has a substation whose loss fails a hospital');
    await page.getByRole('button', { name: target, exact: true }).first().click();
    await page.locator('.infra-selected').waitFor();
    const selectedId = await page.locator('.infra-selected').getAttribute('data-selected-id');

    // The map jumped to it: click the asset itself at the map's centre, as a user would.
    await page.waitForFunction(
      () => document.querySelector('.infra-map')?.getAttribute('data-ready') === 'yes',
    );
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Clear polygon' }).click();
    const box = await map.boundingBox();
    assert.ok(box);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal(await page.locator('.infra-selected').getAttribute('data-selected-id'), selectedId);
    assert.equal(await page.locator('.infra-selected strong').textContent(), target);

    await page.getByRole('button', { name: 'What if it fails' }).click();
    const failures = page.getByRole('list', { name: 'Failures in time order' });
    await failures.locator('li').first().waitFor();
    // At hour 72 the hospitals (48 h of generator fuel) have failed: in the list and drawn on the map.
    const hospitals = failures.locator('li[data-sector="healthcare-and-public-health"]');
    assert.ok((await hospitals.count()) > 0, 'a dependent hospital is listed as failed');
    assert.match((await hospitals.first().textContent()) ?? '', /at 48 h · lost electric-power/);
    await page.waitForFunction(
      () => Number(document.querySelector('.infra-map')?.getAttribute('data-failed-hospitals')) > 0,
      null,
      {
        timeout: 20_000,
      },
    );

    // Back to hour 24 on the timeline: the hospitals are still on their generators.
    await page.getByRole('slider').fill('24');
    assert.equal(await hospitals.count(), 0);
    await page.waitForFunction(
      () => document.querySelector('.infra-map')?.getAttribute('data-failed-hospitals') === '0',
      null,
      {
        timeout: 20_000,
      },
    );
    assert.match((await page.locator('.infra-summary').textContent()) ?? '', /failed by hour 24/);
    await assertAccessible(page, 'infrastructure');
    await page.getByRole('slider').fill('72');
    await page.screenshot({ path: screenshotPath('infrastructure.png') });
    await page.context().close();
  });

  it('a county footprint fails every asset inside it', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'planner@vigil.example');
    await page.goto(`${demo.server.base}/infrastructure`);
    await page.getByLabel('Counties and cities in the footprint').selectOption(['51710']);
    await page.getByRole('button', { name: 'Fail everything inside' }).click();
    const failures = page.getByRole('list', { name: 'Failures in time order' });
    await failures.locator('li').first().waitFor();
    assert.ok((await failures.locator('li').count()) > 5, 'Norfolk holds several assets');
    assert.match((await page.locator('.infra-summary').textContent()) ?? '', /people served by them: [\d,]+/);
    await page.context().close();
  });
});
