import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  screenshotPath,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (outer: Box, inner: Box) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/**
 * Where the renderer put the incident diamonds and Virginia's bounding box, in page pixels, once
 * the map has settled (two reads 400 ms apart agree): a marking banner or a panel that grows
 * refits the map.
 */
/**
 * Waits until MapLibre drew Virginia's 133 county-equivalents (the map counts them with
 * queryRenderedFeatures once idle) and, when asked, at least one incident symbol.
 */
async function mapDrawn(page: Page, options: { incidents?: boolean } = {}): Promise<void> {
  await page.waitForFunction(
    (incidents) =>
      document.querySelector('.map')?.getAttribute('data-rendered-counties') === '133' &&
      (!incidents ||
        Number(document.querySelector('.ops-legend')?.getAttribute('data-rendered-incidents')) >= 1),
    options.incidents ?? false,
    { timeout: 20_000 },
  );
}

async function settledView(page: Page): Promise<{ map: Box; incidents: Box[]; virginia: Box }> {
  const read = () =>
    page.evaluate(() => {
      const map = document.querySelector('.map');
      return {
        points: document.querySelector('.ops-legend')?.getAttribute('data-incident-points') ?? '',
        virginia: map?.getAttribute('data-virginia-box') ?? '',
      };
    });
  let last = await read();
  for (let attempt = 0; attempt < 25; attempt += 1) {
    await page.waitForTimeout(400);
    const now = await read();
    if (now.virginia && now.points === last.points && now.virginia === last.virginia) break;
    last = now;
  }
  const map = await page.locator('.map').boundingBox();
  assert.ok(map, 'the map is on the page');
  // The diamond icon is 26 px square, centred on the point.
  const incidents = (last.points ? last.points.split(' ') : []).map((point) => {
    const [x, y] = point.split(',').map(Number) as [number, number];
    return { x: map.x + x - 13, y: map.y + y - 13, width: 26, height: 26 };
  });
  const [left, top, right, bottom] = last.virginia.split(' ').map(Number) as [number, number, number, number];
  const virginia = { x: map.x + left, y: map.y + top, width: right - left, height: bottom - top };
  return { map, incidents, virginia };
}

/** Every incident diamond and all of Virginia lie on the map and under no panel or map control. */
async function assertNothingHidden(page: Page, where: string): Promise<void> {
  const { map, incidents, virginia } = await settledView(page);
  const panels: { name: string; box: Box }[] = [];
  for (const selector of ['.risk-map-panel', '.layers-panel', '.ops-legend', '.maplibregl-ctrl']) {
    for (const element of await page.locator(selector).all()) {
      const box = await element.boundingBox();
      if (box) panels.push({ name: selector, box });
    }
  }
  assert.ok(panels.length >= 3, 'the three panels are on the page');
  assert.ok(incidents.length >= 1, `${where}: the renderer drew an incident`);
  for (const incident of incidents) {
    assert.ok(contains(map, incident), `${where}: the incident diamond lies on the map`);
    for (const panel of panels) {
      assert.ok(!overlaps(panel.box, incident), `${where}: ${panel.name} covers the incident diamond`);
    }
  }
  assert.ok(contains(map, virginia), `${where}: all of Virginia is on the map`);
  // The map's own controls may sit over the box's empty corners (the ocean); the panels may not.
  for (const panel of panels.filter((p) => p.name !== '.maplibregl-ctrl')) {
    assert.ok(!overlaps(panel.box, virginia), `${where}: ${panel.name} covers part of Virginia`);
  }
}

describe('common operating picture (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  for (const viewport of [
    { width: 1280, height: 720, name: 'laptop' },
    { width: 1920, height: 1080, name: 'wall' },
  ]) {
    it(`the director sees Virginia's 133 counties drawn by MapLibre (${viewport.width}×${viewport.height})`, async () => {
      const context = await demo.browser.newContext({ viewport });
      const page = await context.newPage();
      await signIn(page, demo.server.base, 'director@vigil.example');
      await page.waitForURL(`${demo.server.base}/map`);
      const map = page.getByRole('region', { name: /Map of Virginia/ });
      // The count comes from MapLibre's queryRenderedFeatures on the county layer, after the map went idle.
      await mapDrawn(page);
      assert.equal(await map.getAttribute('data-rendered-counties'), '133');
      assert.equal(await page.locator('.map canvas.maplibregl-canvas').count(), 1);
      // Hovering Norfolk (36.88 N, 76.26 W) names it.
      const point = await page.evaluate(() => {
        const canvas = document.querySelector('.map canvas') as HTMLCanvasElement;
        return { w: canvas.clientWidth, h: canvas.clientHeight };
      });
      assert.ok(point.w > 1000, 'the map fills the width');
      await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Map' }).waitFor();
      assert.equal(await page.getByText('Layers', { exact: true }).count(), 1);
      await page.getByLabel('County boundaries').uncheck();
      await page.getByLabel('County boundaries').check();
      await assertAccessible(page, `map ${viewport.name}`);
      if (viewport.name === 'laptop') {
        await page.screenshot({ path: screenshotPath('map.png') });
      }
      await context.close();
    });
  }

  for (const { width, height, email } of [
    { width: 1280, height: 800, email: 'planner@vigil.example' },
    { width: 1920, height: 1080, email: 'director@vigil.example' },
  ]) {
    it(`no panel hides Hampton Roads or the incident there (${width}×${height}, ${email})`, async () => {
      const context = await demo.browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      await signIn(page, demo.server.base, email);
      await mapDrawn(page, { incidents: true });
      await assertNothingHidden(page, `${width}×${height}`);
      // Pointing at the diamond reaches the map, not a panel: the county under it is Norfolk.
      const { incidents } = await settledView(page);
      const [incident] = incidents;
      assert.ok(incident);
      await page.mouse.move(incident.x + incident.width / 2, incident.y + incident.height / 2);
      await page.locator('.map-tooltip').filter({ hasText: 'Norfolk (city) FIPS 51710' }).waitFor();

      // A climate scenario raises the marking banner, the map gets shorter and is fitted again.
      const before = await page.locator('.map').boundingBox();
      await page
        .getByRole('region', { name: 'Risk: FEMA National Risk Index' })
        .getByRole('combobox', { name: /^Climate scenario/ })
        .selectOption({ label: '2050 (demo)' });
      await page.locator('.marking-banner').waitFor();
      await page.waitForFunction(
        (previous) => document.querySelector('.map')?.getBoundingClientRect().height !== previous,
        before?.height,
      );
      await assertNothingHidden(page, `${width}×${height} with the banner`);
      if (width === 1280) await page.screenshot({ path: screenshotPath('map-hampton-roads.png') });
      await context.close();
    });
  }

  it('on a phone (390×844) the map has the first screen and every panel lies in the window below it', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await signIn(page, demo.server.base, 'planner@vigil.example');
    await mapDrawn(page, { incidents: true });
    const { map, virginia, incidents } = await settledView(page);
    const viewport = await page.evaluate(() => ({
      width: window.innerWidth,
      height: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
    }));
    assert.ok(
      viewport.scrollWidth <= viewport.width,
      `the page scrolls sideways (${viewport.scrollWidth} px)`,
    );
    // The canvas, not only its section: that is what the user sees.
    const canvas = await page.locator('.map canvas.maplibregl-canvas').boundingBox();
    assert.ok(canvas, 'the map canvas is on the page');
    assert.ok(canvas.height >= 0.4 * viewport.height, `the map is ${canvas.height} px tall`);
    assert.ok(canvas.y >= 0 && canvas.y + canvas.height <= viewport.height, 'the map is on the first screen');
    assert.ok(canvas.x >= 0 && canvas.x + canvas.width <= viewport.width, 'the map fits the width');
    // All of Virginia and the incident in Norfolk are drawn on the map, and no panel covers them.
    assert.ok(contains(map, virginia), 'all of Virginia is on the map');
    assert.ok(virginia.width >= 0.8 * (map.width - 32), 'Virginia fills the width, not a stamp');
    assert.ok(
      incidents.length >= 1 && incidents.every((i) => contains(map, i)),
      'the incident is on the map',
    );
    for (const selector of ['.risk-map-panel', '.ops-legend', '.layers-panel']) {
      const box = await page.locator(selector).boundingBox();
      assert.ok(box, `${selector} is on the page`);
      assert.ok(
        box.x >= 0 && box.x + box.width <= viewport.width,
        `${selector} lies within the window's width`,
      );
      assert.ok(!overlaps(box, map), `${selector} covers the map`);
    }

    // Every panel's controls can be reached and used: the page scrolls to them.
    const layers = page.getByLabel('County boundaries');
    await layers.uncheck();
    assert.equal(await layers.isChecked(), false);
    await layers.check();
    const incidentsLayer = page.locator('.ops-legend').getByLabel(/Incidents \(diamonds\)/);
    await incidentsLayer.uncheck();
    assert.equal(await incidentsLayer.isChecked(), false);
    await incidentsLayer.check();
    await page
      .getByRole('region', { name: 'Risk: FEMA National Risk Index' })
      .getByRole('combobox', { name: /^Climate scenario/ })
      .selectOption({ label: '2050 (demo)' });
    await page.locator('.marking-banner').waitFor();
    await page
      .getByRole('combobox', { name: /^County or independent city/ })
      .selectOption({ label: 'Norfolk (city)' });
    // With the banner up the map is refitted and the page still fits the width.
    await page.evaluate(() => window.scrollTo(0, 0));
    const after = await settledView(page);
    assert.ok(contains(after.map, after.virginia), 'with the banner: all of Virginia is on the map');
    const wide = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      // What sticks out, named so a failure says where to look.
      offenders: [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    }));
    assert.ok(
      wide.scrollWidth <= viewport.width,
      `with the banner and a county's detail: the page scrolls sideways (${wide.offenders.join(', ')})`,
    );
    await assertAccessible(page, 'map phone');
    await page.screenshot({ path: screenshotPath('map-phone.png'), fullPage: true });
    await context.close();
  });

  it('names a county on hover', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await signIn(page, demo.server.base, 'norfolk@vigil.example');
    await mapDrawn(page);
    const box = (await settledView(page)).virginia;
    // Sweep the middle of the state (the lower half of its bounding box) until a tooltip names a county-equivalent.
    let label: string | null = null;
    for (let x = 0.35; x < 0.7 && !label; x += 0.05) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.7);
      const tooltip = page.locator('.map-tooltip');
      if (await tooltip.count()) label = await tooltip.textContent();
    }
    assert.match(label ?? '', /(County|\(city\)) FIPS 51\d{3}/);
    await context.close();
  });
});
