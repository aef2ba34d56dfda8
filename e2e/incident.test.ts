import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  demoPassword,
  screenshotPath,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();
const incidentName = 'Hurricane Delia (demo) — Hampton Roads landfall';

/** Registers a resource through the public API, as a partner system would. */
async function registerResource(base: string, email: string, body: Record<string, unknown>): Promise<string> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const created = await fetch(`${base}/api/v1/resources`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  assert.equal(created.status, 201, await created.clone().text());
  return ((await created.json()) as { id: string }).id;
}

describe('incident response (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  async function openAs(email: string, path: string): Promise<Page> {
    const context = await demo.browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, demo.server.base, email);
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: path }).click();
    await page.getByRole('status', { name: 'Live updates: live' }).waitFor();
    return page;
  }

  it('an operations user adds an objective, requests a Type 1 ambulance strike team and fills it from the nearest; another user’s map turns the resources assigned live; the ICS 213RR PDF downloads', async () => {
    // Two state strike teams staged at the incident's command post: the nearest available ones.
    const staged = [
      await registerResource(demo.server.base, 'operations@vigil.example', {
        name: 'VA EMS Strike Team Scope-1 (e2e)',
        resourceType: 'ambulance-strike-team/type-1',
        lat: 36.8512,
        lon: -76.2861,
        status: 'available',
      }),
      await registerResource(demo.server.base, 'operations@vigil.example', {
        name: 'VA EMS Strike Team Scope-2 (e2e)',
        resourceType: 'ambulance-strike-team/type-1',
        lat: 36.8514,
        lon: -76.2863,
        status: 'available',
      }),
    ].sort();

    const watcher = await openAs('director@vigil.example', 'Map');
    const legend = watcher.getByRole('complementary', { name: 'Operations layers' });
    await legend.waitFor();
    await watcher.waitForFunction(
      (ids) => {
        const drawn = document.querySelector('.ops-legend')?.getAttribute('data-rendered-resources');
        return Number(drawn) > 50 && ids.length === 2;
      },
      staged,
      { timeout: 30_000 },
    );
    assert.equal(
      Number(await legend.getAttribute('data-rendered-incidents')) >= 1,
      true,
      'incident diamonds drawn',
    );
    await assertAccessible(watcher, 'map with operations layers');

    const ops = await openAs('operations@vigil.example', 'Incidents');
    await ops.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await assertAccessible(ops, 'incident board');
    await ops.getByRole('link', { name: incidentName }).click();
    await ops.getByRole('heading', { name: incidentName, level: 1 }).waitFor();

    // Objectives (ICS 202).
    const objective = `Reopen the Midtown Tunnel for emergency traffic ${Date.now()}`;
    await ops.getByRole('textbox', { name: 'Objective' }).fill(objective);
    await ops.getByRole('button', { name: 'Add objective' }).click();
    await ops.getByRole('list', { name: 'Objectives' }).getByText(objective).waitFor();
    await assertAccessible(ops, 'incident page, objectives');

    // Request (ICS 213RR) → approve → nearest → fill.
    await ops.getByRole('tab', { name: 'Resources' }).click();
    // The demo's RR-1 (two state strike teams) states its cost as accrued so far, with hours and rate.
    await ops
      .getByRole('article', { name: 'Resource request RR-1' })
      .getByText(/cost so far \$[\d,]+ \(\d+ resource-hours of 2 resources at \$950\/h\)/)
      .waitFor();
    const form = ops.getByRole('form', { name: 'Request a resource' });
    await form.getByLabel('Qty').fill('2');
    await form.getByLabel('Kind and type').selectOption({ label: 'Ambulance Strike Team Type 1' });
    await form.getByLabel('Delivery/reporting location').fill('Norfolk Scope staging area');
    await form.getByRole('button', { name: 'Request' }).click();
    const card = ops.getByRole('article', { name: 'Resource request RR-3' });
    await card.waitFor();
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.locator('[data-status="approved"]').first().waitFor();
    await card.getByRole('button', { name: 'Suggest nearest' }).click();
    const nearest = card.getByRole('group', { name: /Nearest available/ });
    await nearest.waitFor();
    for (const name of ['VA EMS Strike Team Scope-1 (e2e)', 'VA EMS Strike Team Scope-2 (e2e)']) {
      assert.equal(
        await nearest.getByRole('checkbox', { name: new RegExp(name.replace(/[()]/g, '\\$&')) }).isChecked(),
        true,
        `${name} suggested and chosen`,
      );
    }
    await assertAccessible(ops, 'incident page, resources');
    await nearest.getByRole('button', { name: 'Fill with 2 selected' }).click();
    await card.locator('[data-status="filled"]').first().waitFor();

    // The director's map shows both teams assigned, without a reload.
    await watcher.waitForFunction(
      (ids) => {
        const assigned = (
          document.querySelector('.ops-legend')?.getAttribute('data-assigned-resource-ids') ?? ''
        ).split(' ');
        return ids.every((id) => assigned.includes(id));
      },
      staged,
      { timeout: 30_000 },
    );
    assert.equal(
      await watcher.evaluate(() => performance.getEntriesByType('navigation').length),
      1,
      'no reload happened',
    );
    await watcher.screenshot({ path: screenshotPath('incident-map.png') });
    await ops.screenshot({ path: screenshotPath('incident-resources.png'), fullPage: true });

    // The ICS 213RR downloads as a PDF.
    const [download] = await Promise.all([
      ops.waitForEvent('download'),
      card.getByRole('link', { name: 'ICS 213RR (PDF)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^ics-213rr-INC-\d{4}-\d{4}-.*\.pdf$/);
    const file = await download.path();
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');

    // The other tabs and the resources page pass the accessibility checks too.
    for (const tab of ['Assignments', 'Log', 'Decisions', 'Sitreps']) {
      await ops.getByRole('tab', { name: tab }).click();
      await ops.getByRole('tabpanel').waitFor();
    }

    // The initial ICS 209 (a new tab): block 4 names the commander's own agency (Norfolk), not VDEM's,
    // which owns the incident.
    const [form209] = await Promise.all([
      ops.context().waitForEvent('page'),
      ops
        .getByRole('list', { name: 'Situation reports' })
        .getByRole('link', { name: 'ICS 209' })
        .first()
        .click(),
    ]);
    await form209.getByText('Incident Status Summary').first().waitFor();
    const text209 = (await form209.locator('body').textContent()) ?? '';
    assert.ok(
      text209.includes('Ada Jensen (demo) — City of Norfolk Emergency Management'),
      'ICS 209 block 4 names the Incident Commander with her own agency',
    );
    assert.ok(!text209.includes('Ada Jensen (demo) — Virginia Department of Emergency Management'));
    await form209.close();
    await ops
      .getByText('Partial evacuation')
      .first()
      .waitFor({ state: 'attached' })
      .catch(() => undefined);
    await ops.getByRole('tab', { name: 'Decisions' }).click();
    await ops.getByRole('heading', { name: /Evacuate Sentara Norfolk General/ }).waitFor();
    await assertAccessible(ops, 'incident page, decisions');
    await ops.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Resources' }).click();
    await ops.getByRole('table', { name: 'Resource inventory' }).waitFor();
    await assertAccessible(ops, 'resources page');
    await Promise.all([ops, watcher].map((p) => p.context().close()));
  });

  it('an administrator (no incident.write, no resource.request) is offered no write action; an operations user is', async () => {
    const admin = await openAs('admin@vigil.example', 'Incidents');
    const board = admin.getByRole('table', { name: 'Incident board' });
    await board.getByRole('link', { name: incidentName }).waitFor();
    assert.equal(await admin.getByRole('button', { name: 'Open an incident' }).count(), 0);

    await board.getByRole('link', { name: incidentName }).click();
    await admin.getByRole('heading', { name: incidentName, level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'ICS 201' }).waitFor();
    assert.equal(await admin.getByRole('button', { name: /^Set / }).count(), 0, 'no status change');
    // Both the objectives and the periods have loaded: the forms would be there by now.
    await admin.getByRole('list', { name: 'Objectives' }).locator('li').first().waitFor();
    await admin.getByText(/^Operational Period 1:/).waitFor();
    assert.equal(await admin.getByRole('form').count(), 0, 'no form on Objectives');
    assert.equal(await admin.getByRole('button', { name: 'Mark met' }).count(), 0);
    await admin.getByRole('tab', { name: 'Resources' }).click();
    const request = admin.getByRole('article', { name: 'Resource request RR-1' });
    await request.getByRole('link', { name: 'ICS 213RR (PDF)' }).waitFor();
    assert.equal(await admin.getByRole('form', { name: 'Request a resource' }).count(), 0);
    assert.equal(await admin.getByRole('article').getByRole('button').count(), 0, 'no action on a request');
    for (const tab of ['Assignments', 'Log', 'Decisions', 'Sitreps']) {
      await admin.getByRole('tab', { name: tab }).click();
      await admin.getByRole('tabpanel').getByRole('heading', { level: 2 }).waitFor();
      assert.equal(await admin.getByRole('tabpanel').getByRole('form').count(), 0, `no form on ${tab}`);
    }
    await assertAccessible(admin, 'incident page, read only');
    await admin.context().close();

    const ops = await openAs('operations@vigil.example', 'Incidents');
    const open = ops.getByRole('button', { name: 'Open an incident' });
    await open.click();
    await ops.getByRole('form', { name: 'Open an incident' }).waitFor();
    await ops.getByRole('link', { name: incidentName }).click();
    await ops.getByRole('heading', { name: incidentName, level: 1 }).waitFor();
    await ops.getByRole('button', { name: /^Set / }).first().waitFor();
    await ops.getByRole('form', { name: 'Add objective' }).waitFor();
    await ops.context().close();
  });
});
