import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  newPage,
  screenshotPath,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();

describe('critical infrastructure (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

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
