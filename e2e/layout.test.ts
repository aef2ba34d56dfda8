import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';

const skip = browserSkipReason();

/** What each page shows once it has loaded what it was opened for. */
const pages = [
  {
    path: '/map',
    ready: (page: Page) =>
      page.waitForFunction(
        () => document.querySelector('.map')?.getAttribute('data-rendered-counties') === '133',
        null,
        { timeout: 30_000 },
      ),
  },
  {
    path: '/risk',
    ready: (page: Page) =>
      page.getByRole('table', { name: 'Counties by risk' }).locator('tbody tr').nth(132).waitFor(),
  },
  {
    path: '/incidents',
    ready: (page: Page) =>
      page.getByRole('table', { name: 'Incident board' }).locator('tbody tr').first().waitFor(),
  },
  {
    path: '/budget',
    ready: (page: Page) => page.getByRole('heading', { name: 'Budget portfolios', level: 1 }).waitFor(),
  },
];

/** How far the page reaches past the window's right edge (0: it does not scroll sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });
const menuButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Menu' });

describe('the top bar on a phone and a tablet (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  for (const viewport of [
    { width: 390, height: 844, folded: true },
    { width: 768, height: 1024, folded: false },
  ]) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`${size}: no page scrolls sideways, and every module link is reachable and opens its page`, async () => {
      const page = await newPage(demo.browser, { width: viewport.width, height: viewport.height });
      await signIn(page, demo.server.base, 'finance@vigil.example');
      await page.getByRole('status', { name: 'Live updates: live' }).waitFor();

      for (const { path, ready } of pages) {
        await page.goto(`${demo.server.base}${path}`);
        await ready(page);
        assert.equal(await sidewaysOverflow(page), 0, `${path} at ${size} scrolls sideways`);
        await assertAccessible(page, `${path} at ${size}`);
      }

      // On a phone the modules fold behind Menu, a disclosure button; on a tablet they are all in view.
      const menu = menuButton(page);
      assert.equal(await menu.isVisible(), viewport.folded, `Menu shown at ${size}`);
      if (viewport.folded) {
        assert.equal(await nav(page).isVisible(), false, 'the folded modules are out of view');
        assert.equal(await menu.getAttribute('aria-expanded'), 'false');
        await menu.click();
        assert.equal(await menu.getAttribute('aria-expanded'), 'true');
        await assertAccessible(page, `the open menu at ${size}`);
      }
      const links = nav(page).getByRole('link');
      const labels = await links.allTextContents();
      assert.deepEqual(labels, [
        'Map',
        'Bulletins',
        'Risk',
        'Infrastructure',
        'Incidents',
        'Resources',
        'Budget',
        'Interop',
      ]);

      for (const label of labels) {
        if (viewport.folded && (await menu.getAttribute('aria-expanded')) === 'false') await menu.click();
        const link = nav(page).getByRole('link', { name: label, exact: true });
        const box = await link.boundingBox();
        assert.ok(box, `${label} is shown`);
        assert.ok(
          box.x >= 0 && box.x + box.width <= viewport.width,
          `${label} lies inside the window at ${size}`,
        );
        const href = (await link.getAttribute('href')) ?? '';
        await link.click();
        await page.waitForURL(`${demo.server.base}${href}`);
        // Read from the DOM: on a phone the link is folded away again by now.
        assert.equal(
          await page.locator(`#modules-nav a[href="${href}"]`).getAttribute('aria-current'),
          'page',
          `${label} marked as the current page`,
        );
        if (viewport.folded) {
          // Following a link closes the menu: the user asked for the page, not the list.
          assert.equal(await menu.getAttribute('aria-expanded'), 'false', `the menu closed after ${label}`);
        }
        assert.equal(await sidewaysOverflow(page), 0, `${href} at ${size} scrolls sideways`);
      }
      if (viewport.folded) {
        // The link to the page already open closes the menu too (the address does not change).
        await menu.click();
        await nav(page)
          .getByRole('link', { name: labels.at(-1) as string, exact: true })
          .click();
        assert.equal(
          await menu.getAttribute('aria-expanded'),
          'false',
          'the menu closed on the current page',
        );
      }
      await page.context().close();
    });
  }
});
