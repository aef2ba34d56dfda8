import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';

const skip = browserSkipReason();

/** How many lines an element's text takes: its text boxes, grouped by where they start vertically. */
function lineCount(element: Locator): Promise<number> {
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top);
    const lines: number[] = [];
    for (const top of tops.sort((a, b) => a - b)) {
      // Spans in another weight sit a pixel or two apart on the same line.
      if (lines.every((line) => Math.abs(line - top) > 6)) lines.push(top);
    }
    return lines.length;
  });
}

describe('risk and strategic planning (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('a planner opens the risk map, switches to riverine flooding, opens Fairfax County and applies a climate scenario', async () => {
    const page = await newPage(demo.browser);
    await signIn(page, demo.server.base, 'planner@vigil.example');
    await page.waitForURL(`${demo.server.base}/map`);
    await page.waitForFunction(
      () => document.querySelector('.map')?.getAttribute('data-rendered-counties') === '133',
      null,
      { timeout: 20_000 },
    );
    const panel = page.getByRole('region', { name: 'Risk: FEMA National Risk Index' });
    await panel
      .getByTestId('risk-legend-title')
      .getByText(/Risk value/)
      .waitFor();

    await panel
      .getByLabel('Colour counties by')
      .selectOption({ label: 'Expected annual loss of one hazard' });
    await panel.getByRole('combobox', { name: /^Hazard/ }).selectOption({ label: 'Riverine Flooding' });
    await panel
      .getByTestId('risk-legend-title')
      .getByText('Expected annual loss: Riverine Flooding')
      .waitFor();
    assert.equal(await panel.getAttribute('data-risk-mode'), 'hazard');
    assert.equal(await panel.locator('.risk-legend li').count(), 6, 'five classes and "not applicable"');

    await panel.getByLabel('County or independent city').selectOption({ label: 'Fairfax' });
    const breakdown = page.getByRole('region', { name: 'Hazard breakdown: Fairfax County' });
    await breakdown.waitFor();
    const riverine = breakdown.locator('tr[data-hazard="RFLD"]');
    await riverine.getByRole('rowheader', { name: 'Riverine Flooding' }).waitFor();
    assert.match(
      (await breakdown.getByTestId('county-risk-value').textContent()) ?? '',
      /^\$\d+(\.\d)?M per year$/,
    );
    assert.equal(await breakdown.getByTestId('county-scenario-change').count(), 0);

    await panel.getByRole('combobox', { name: /^Climate scenario/ }).selectOption({ label: '2050 (demo)' });
    const change = breakdown.getByTestId('county-scenario-change');
    await change.waitFor();
    assert.match(
      (await change.textContent()) ?? '',
      /\+\d+\.\d %/,
      'the 2050 scenario raises Fairfax’s risk',
    );
    assert.match((await riverine.textContent()) ?? '', /×1\.25/);
    await panel.getByLabel('Colour counties by').selectOption({ label: 'Change under a climate scenario' });
    await panel
      .getByTestId('risk-legend-title')
      .getByText('Change in risk value under 2050 (demo)')
      .waitFor();
    await assertAccessible(page, 'risk map');
    await page.context().close();
  });

  it('the risk pages: sortable table with CSV export, county page, THIRA/SPR with the gap chart, threats, scenarios', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'planner@vigil.example');
    await page.goto(`${demo.server.base}/risk`);
    const table = page.getByRole('table', { name: 'Counties by risk' });
    await table.locator('tbody tr').nth(132).waitFor();
    assert.equal(await table.locator('tbody tr').first().getByRole('rowheader').textContent(), 'Fairfax');
    await table.getByRole('button', { name: 'County' }).click();
    assert.equal(await table.locator('tbody tr').first().getByRole('rowheader').textContent(), 'York');
    await table.getByRole('button', { name: 'County' }).click();
    assert.equal(await table.locator('tbody tr').first().getByRole('rowheader').textContent(), 'Accomack');
    await assertAccessible(page, 'risk table');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await download).path()) as string, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 134);
    assert.match(lines[0] as string, /^STCOFIPS,COUNTY,RISK_VALUE,EAL_VALT,STATE_RANK,AVLN_EALT/);

    await page.goto(`${demo.server.base}/risk/counties/51710`);
    await page.getByRole('region', { name: 'Hazard breakdown: Norfolk (city)' }).waitFor();
    await assertAccessible(page, 'county page');

    await page.goto(`${demo.server.base}/risk/thira`);
    const chart = page.getByRole('img', { name: /Share of capability targets met/ });
    await chart.locator('[data-capability="Mass Care Services"]').waitFor();
    assert.match(
      (await chart.locator('[data-capability="Infrastructure Systems"]').textContent()) ?? '',
      /61\s% met/,
    );
    await page.getByText('Within 72 hours of an incident, restore power to 90 % of hospitals.').waitFor();
    await assertAccessible(page, 'THIRA/SPR');

    await page.goto(`${demo.server.base}/risk/threats`);
    const threats = page.getByRole('table', { name: 'Threats by risk' });
    await threats.getByText('Chlorine release at a rail yard (demo)').waitFor();
    // The ransomware entry is TLP:AMBER for the water utility and the State Police: not for VDEM's planner.
    assert.equal(await threats.getByText('Ransomware against water utility SCADA (demo)').count(), 0);
    await assertAccessible(page, 'threat register');

    await page.goto(`${demo.server.base}/risk/scenarios`);
    await page.getByRole('heading', { name: '2050 (demo)' }).waitFor();
    await assertAccessible(page, 'climate scenarios');
    await page.context().close();
  });

  it('THIRA and threats read whole at 1280 px: chart labels inside the chart, figures and markings on one line, counties by name', async () => {
    const page = await newPage(demo.browser, { width: 1280, height: 800 });
    // The director also sees the TLP:AMBER · LES threat (law-enforcement attribute).
    await signIn(page, demo.server.base, 'director@vigil.example');
    await page.goto(`${demo.server.base}/risk/thira`);
    const chart = page.getByRole('img', { name: /Share of capability targets met/ });
    await chart.locator('[data-capability="Mass Care Services"]').waitFor();
    const svg = await chart.boundingBox();
    assert.ok(svg);
    const labels = chart.locator('text');
    assert.ok((await labels.count()) >= 10, 'two labels per capability and the axis');
    for (const label of await labels.all()) {
      const box = await label.boundingBox();
      const text = await label.textContent();
      assert.ok(box, `${text} is drawn`);
      assert.ok(
        box.x >= svg.x - 0.5 &&
          box.x + box.width <= svg.x + svg.width + 0.5 &&
          box.y >= svg.y - 0.5 &&
          box.y + box.height <= svg.y + svg.height + 0.5,
        `"${text}" (${box.x}…${box.x + box.width}) lies inside the chart (${svg.x}…${svg.x + svg.width})`,
      );
    }
    assert.match(
      (await chart.locator('[data-capability="Mass Care Services"]').textContent()) ?? '',
      /44\s% met · weakest: organization$/,
    );
    const met = page.getByRole('table', { name: 'Capability gaps' }).locator('tbody td.num');
    assert.ok((await met.count()) >= 8);
    for (const cell of await met.all()) {
      assert.equal(await lineCount(cell), 1, `"${await cell.textContent()}" stays on one line`);
    }

    await page.goto(`${demo.server.base}/risk/threats`);
    const threats = page.getByRole('table', { name: 'Threats by risk' });
    // Independent cities by name, not by FIPS code.
    await threats.getByRole('link', { name: 'Virginia Beach (city)' }).waitFor();
    await threats.getByRole('link', { name: 'Chesapeake (city)' }).waitFor();
    const subjects = await threats.getByTestId('threat-subject').allTextContents();
    assert.ok(subjects.length >= 3);
    for (const subject of subjects) assert.doesNotMatch(subject, /County \d{5}|FIPS/);
    const badges = threats.locator('.tlp-badge');
    assert.ok((await badges.allTextContents()).includes('TLP:AMBER · LES'));
    for (const badge of await badges.all()) {
      assert.equal(await lineCount(badge), 1, `"${await badge.textContent()}" stays on one line`);
    }
    await page.context().close();
  });
});
