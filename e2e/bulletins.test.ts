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

describe('bulletins between agencies (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  async function openAs(email: string): Promise<Page> {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await signIn(page, demo.server.base, email);
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Bulletins' }).click();
    await page.getByRole('heading', { name: 'Bulletins', level: 1 }).waitFor();
    await page.getByRole('status', { name: 'Live updates: live' }).waitFor();
    return page;
  }

  async function post(page: Page, title: string, tlp: string, shareWith: string[]): Promise<void> {
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Bulletins' }).click();
    await page.getByRole('link', { name: 'New bulletin' }).click();
    await page.getByLabel('Title').fill(title);
    await page
      .getByLabel('Text')
      .fill('Phishing-delivered ransomware blocked at an engineering workstation. Indicators follow.');
    await page.getByRole('radio', { name: new RegExp(`^TLP:${tlp.replace('+', '\\+')} `) }).check();
    for (const name of shareWith) await page.getByRole('checkbox', { name }).check();
    await page.getByRole('button', { name: 'Post bulletin' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  it('a TLP:AMBER bulletin reaches agency B live, never agency C', async () => {
    const [author, recipient, outsider] = [
      await openAs('analyst@vigil.example'),
      await openAs('water@vigil.example'),
      await openAs('fema@vigil.example'),
    ];
    await assertAccessible(recipient, 'bulletins list');
    const title = `Ransomware on the SCADA network ${Date.now()}`;
    await post(author, title, 'AMBER', ['Hampton Roads Water Authority (demo)']);
    await assertAccessible(author, 'bulletin detail');
    // The marking banner tops the page in TLP colour.
    assert.equal(await author.getByRole('note', { name: /Marking of this page: TLP:AMBER/ }).count(), 1);

    // B's list updates without a reload.
    const card = recipient.getByRole('link', { name: title });
    await card.waitFor({ timeout: 30_000 });
    await recipient.screenshot({ path: screenshotPath('bulletins.png') });
    await author.screenshot({ path: screenshotPath('bulletin-detail.png') });
    const navigations = await recipient.evaluate(() => performance.getEntriesByType('navigation').length);
    assert.equal(navigations, 1, 'no reload happened');

    // C receives a later CLEAR bulletin live, and never the AMBER one.
    const clearTitle = `Public advisory ${Date.now()}`;
    await post(author, clearTitle, 'CLEAR', []);
    await outsider.getByRole('link', { name: clearTitle }).waitFor({ timeout: 30_000 });
    assert.equal(await outsider.getByRole('link', { name: title }).count(), 0);
    // Even by address, C gets nothing.
    const id = await recipient.locator('[data-bulletin-id]', { has: card }).getAttribute('data-bulletin-id');
    await outsider.goto(`${demo.server.base}/bulletins/${id}`);
    await outsider.getByRole('alert').waitFor();
    assert.match((await outsider.getByRole('alert').textContent()) ?? '', /no bulletin/);
    await Promise.all([author, recipient, outsider].map((p) => p.context().close()));
  });

  it('filters by marking and text, and the owner retracts', async () => {
    const page = await openAs('analyst@vigil.example');
    const title = `Shelter fuel status ${Date.now()}`;
    await post(page, title, 'GREEN', []);
    await page.getByLabel('Reason for retraction').fill('superseded');
    await page.getByRole('button', { name: 'Retract bulletin' }).click();
    await page.getByText('Retracted', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: '← Bulletins' }).click();
    await page.getByRole('combobox', { name: 'Marking' }).selectOption('GREEN');
    await page.getByLabel('Search').fill('Shelter fuel');
    await page.getByRole('link', { name: title }).waitFor();
    const cards = page.locator('[data-bulletin-id]');
    await page.waitForFunction(() => document.querySelectorAll('[data-bulletin-id]').length === 1);
    assert.equal(await cards.count(), 1);
    await page.getByRole('link', { name: 'New bulletin' }).click();
    await assertAccessible(page, 'compose');
    await page.context().close();
  });
});
