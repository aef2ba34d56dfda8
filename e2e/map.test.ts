import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  screenshotPath,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();

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
      await page.waitForFunction(
        () => document.querySelector('.map')?.getAttribute('data-rendered-counties') === '133',
        null,
        { timeout: 20_000 },
      );
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

  it('names a county on hover', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await signIn(page, demo.server.base, 'norfolk@vigil.example');
    await page.waitForFunction(
      () => document.querySelector('.map')?.getAttribute('data-rendered-counties') === '133',
      null,
      { timeout: 20_000 },
    );
    const box = await page.locator('.map').boundingBox();
    assert.ok(box);
    // Sweep the middle of the state until a tooltip names a county-equivalent.
    let label: string | null = null;
    for (let x = 0.35; x < 0.7 && !label; x += 0.05) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.5);
      const tooltip = page.locator('.map-tooltip');
      if (await tooltip.count()) label = await tooltip.textContent();
    }
    assert.match(label ?? '', /(County|\(city\)) FIPS 51\d{3}/);
    await context.close();
  });
});
