import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  demoPassword,
  newPage,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();

describe('sign-in, lockout, idle lock and administration (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('a wrong password says so; the 6th attempt shows the lockout', async () => {
    const page = await newPage(demo.browser);
    await page.goto(demo.server.base);
    await assertAccessible(page, 'sign-in');
    await page.getByLabel('E-mail').fill('finance@vigil.example');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel('Password').fill(`not the password ${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();
    }
    await page.getByLabel('Password').fill('still not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'locked' });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /locked after 5 failed sign-ins/);
    // Locked means locked: the right password is refused too.
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'locked' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0);
    await page.context().close();
  });

  it('an idle session locks to sign-in and returns to the same page', async () => {
    const page = await newPage(demo.browser);
    await signIn(page, demo.server.base, 'planner@vigil.example');
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Bulletins' }).click();
    await page.getByRole('heading', { name: 'Bulletins', level: 1 }).waitFor();
    // Fifteen idle minutes pass: the session's last activity moves back beyond the idle timeout.
    const idleSince = new Date(Date.now() - 16 * 60_000).toISOString();
    await demo.server.vigil.deps.database.db
      .updateTable('sessions')
      .set({ last_seen_at: idleSince })
      .execute();
    // The next action finds the session locked.
    await page.getByLabel('Search').fill('storm');
    await page.getByText('Your session ended after a period of inactivity').waitFor({ timeout: 10_000 });
    assert.equal(new URL(page.url()).pathname, '/bulletins');
    assert.equal(await page.getByLabel('E-mail').inputValue(), 'planner@vigil.example');
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Bulletins', level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/bulletins');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.context().close();
  });

  it('an administrator creates a user who can then sign in; others see no Admin', async () => {
    const admin = await newPage(demo.browser, { width: 1920, height: 1080 });
    await signIn(admin, demo.server.base, 'admin@vigil.example');
    await admin.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Admin' }).click();
    await admin.getByRole('heading', { name: 'Administration' }).waitFor();
    await assertAccessible(admin, 'admin');
    const form = admin.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('E-mail').fill('new.planner@vigil.example');
    await form.getByLabel('Name').fill('New Planner (demo)');
    await form.getByLabel('Initial password').fill('a-long-initial-passphrase');
    await form.getByLabel('Agency').selectOption({ label: 'City of Norfolk Emergency Management' });
    await form.getByRole('checkbox', { name: 'planner' }).check();
    await form.getByRole('button', { name: 'Add user' }).click();
    await admin.getByRole('status').filter({ hasText: 'Created new.planner@vigil.example' }).waitFor();
    await admin.getByRole('cell', { name: 'new.planner@vigil.example', exact: true }).waitFor();
    await admin.context().close();

    const newcomer = await newPage(demo.browser);
    await signIn(newcomer, demo.server.base, 'new.planner@vigil.example', 'a-long-initial-passphrase');
    await newcomer.getByText('City of Norfolk Emergency Management · planner').waitFor();
    assert.equal(
      await newcomer
        .getByRole('navigation', { name: 'Modules' })
        .getByRole('link', { name: 'Admin' })
        .count(),
      0,
    );
    await newcomer.context().close();
  });
});

// A server of its own: the lockout test above locks finance@ out of the suite's server.
describe('navigation by role (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('the navigation offers Budget only to roles that may read it; a typed address says why, with no 403', async () => {
    const nav = (page: Page) => page.getByRole('navigation', { name: 'Modules' });
    const finance = await newPage(demo.browser);
    await signIn(finance, demo.server.base, 'finance@vigil.example');
    await nav(finance).getByRole('link', { name: 'Budget' }).click();
    await finance.getByRole('heading', { name: 'Budget portfolios', level: 1 }).waitFor();
    await finance.context().close();

    for (const email of ['operations@vigil.example', 'water@vigil.example', 'admin@vigil.example']) {
      const page = await newPage(demo.browser);
      const refused: string[] = [];
      page.on('response', (response) => {
        if (response.status() === 403) refused.push(response.url());
      });
      await signIn(page, demo.server.base, email);
      await nav(page).getByRole('link', { name: 'Map' }).waitFor();
      assert.equal(await nav(page).getByRole('link', { name: 'Budget' }).count(), 0, `${email} sees Budget`);
      await page.goto(`${demo.server.base}/budget`);
      await page.getByRole('heading', { name: 'Budget is not available' }).waitFor();
      assert.deepEqual(refused, [], `${email} was refused`);
      await page.context().close();
    }
  });
});
