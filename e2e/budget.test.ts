import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertAccessible, browserSkipReason, demoBrowserSuite, newPage, signIn } from './browser-harness.ts';
import { dollarsShown } from './budget-pages.ts';

const skip = browserSkipReason();

describe('budget oversight (Chromium)', { skip }, () => {
  const demo = demoBrowserSuite();

  it('a finance officer opens the demo portfolio, runs the optimizer, forces an excluded project in and sees the benefit lost', async () => {
    const page = await newPage(demo.browser, { width: 1440, height: 900 });
    await signIn(page, demo.server.base, 'finance@vigil.example');
    await page.waitForURL(`${demo.server.base}/map`);
    // Opening a portfolio not optimized yet is no error: no budget call answers 4xx/5xx, nothing in the console.
    const failures: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.url().includes('/api/v1/budget') && response.status() >= 400)
        failures.push(`${response.status()} ${response.url()}`);
    });
    await page.getByRole('link', { name: 'Budget' }).click();
    await page.waitForURL(`${demo.server.base}/budget`);
    await page.getByRole('link', { name: /Virginia FY2026–2029/ }).click();
    await page.getByRole('heading', { level: 1, name: /Virginia FY2026–2029/ }).waitFor();
    await page.getByText('Not optimized yet.').waitFor();
    assert.deepEqual(failures, [], 'nothing failed while opening the portfolio');
    assert.equal((await page.locator('.marking-banner, [data-tlp]').first().count()) >= 0, true);
    await assertAccessible(page, 'budget portfolio before the run');

    const answered = page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && /\/optimize$/.test(new URL(response.url()).pathname),
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: 'Run optimizer' }).click();
    const run = (await (await answered).json()) as {
      marginal_values: { source: string; year: number; value: number }[];
      selected: { id: string; funding_by_year?: Record<string, number[]> }[];
    };
    await page.getByTestId('run-status').getByText('optimal').waitFor({ timeout: 60_000 });
    const benefit = String(await page.getByTestId('run-objective').textContent());
    assert.match(benefit, /^\$\d+\.\d\dM$/);
    const norfolk = page.locator('tr[data-investment="substation-floodwalls-norfolk"]');
    assert.match(String(await norfolk.textContent()), /not chosen/);
    const generators = page.locator('tr[data-investment="hospital-generators"]');
    assert.match(
      String(await generators.textContent()),
      /chosen: /,
      'the must-fund generators are in the plan',
    );

    // What binds is a list: source caps by source with the years, then grant rules, each agreeing
    // with the "binds" marks of the funding tables.
    const binding = page.getByRole('region', { name: 'Binding constraints' });
    const caps = binding.getByRole('list', { name: /^Funding source caps/ }).getByRole('listitem');
    const rules = binding.getByRole('list', { name: 'Grant rules at their limit' }).getByRole('listitem');
    assert.ok((await caps.count()) >= 1, 'the demo plan uses up a source in some year');
    assert.ok((await rules.count()) >= 1, 'the demo plan holds a grant rule at its limit');
    const sourcesTable = page.getByRole('table', { name: /^Funding sources: dollars available/ });
    const headers = await sourcesTable.locator('thead th').allTextContents();
    const years = headers.filter((header) => /^FY\d{4}$/.test(header));
    assert.deepEqual(years, ['FY2026', 'FY2027', 'FY2028', 'FY2029']);
    // EMPG's period of performance ends 2027-09-30: its FY2028–29 amounts are struck through, never
    // "binds", and the plan draws nothing from them.
    const empg = sourcesTable.locator('tr[data-source="EMPG"]');
    assert.deepEqual(
      await empg
        .locator('td[data-lapsed="true"]')
        .evaluateAll((cells) => cells.map((td) => (td as HTMLTableCellElement).cellIndex - 1)),
      [2, 3],
    );
    for (const cell of await empg.locator('td[data-lapsed="true"]').all()) {
      assert.equal(await cell.locator('s').count(), 1);
      assert.match(String(await cell.textContent()), /after the period of performance$/);
    }
    const lapsedDraw = run.selected.reduce(
      (sum, item) => sum + (item.funding_by_year?.EMPG?.slice(2).reduce((a, b) => a + b, 0) ?? 0),
      0,
    );
    assert.equal(lapsedDraw, 0, 'no EMPG money is planned after its period of performance');
    // Each year's cell shows what one more dollar of it buys (the run's LP dual), above a cent.
    const shown = new Map<string, number>();
    for (const tag of await sourcesTable.locator('[data-marginal]').all()) {
      const row = tag.locator('xpath=ancestor::tr[1]');
      const cell = tag.locator('xpath=ancestor::td[1]');
      const index = await cell.evaluate((td) => (td as HTMLTableCellElement).cellIndex - 1);
      const value = Number(await tag.getAttribute('data-marginal'));
      assert.match(String(await tag.textContent()), new RegExp(`^\\s*\\+\\$${value.toFixed(2)} per \\$$`));
      shown.set(`${await row.getAttribute('data-source')}:${index}`, value);
    }
    const expected = new Map(
      run.marginal_values.filter((m) => m.value >= 0.005).map((m) => [`${m.source}:${m.year}`, m.value]),
    );
    assert.ok(expected.size >= 1, 'money is short in the demo: some year has a positive marginal value');
    assert.deepEqual(shown, expected, 'every marginal value above a cent is shown in its source and year');
    // A year's cell in the funding table: `$800,000`, with ` binds` when the run used it all.
    const yearCells = async (source: string) =>
      (await sourcesTable.locator(`tr[data-source="${source}"] td`).allTextContents())
        .slice(0, years.length)
        .map((cell) => cell.replace(/\s*\+\$[\d.]+ per \$$/, ''));
    const marked = new Map<string, string[]>();
    for (const row of await sourcesTable.locator('tbody tr').all()) {
      const source = String(await row.getAttribute('data-source'));
      const binds = (await yearCells(source)).flatMap((cell, j) => (/binds$/.test(cell) ? [years[j]] : []));
      if (binds.length) marked.set(source, binds as string[]);
    }
    const listed = new Map<string, string[]>();
    for (const item of await caps.all()) {
      const source = String(await item.getAttribute('data-source'));
      const text = String(await item.textContent());
      assert.ok(text.startsWith(`${source} `), `${text} names its source first`);
      const cells = await yearCells(source);
      const named = years.filter((year) => text.includes(year));
      for (const year of named) {
        const cap = String(cells[years.indexOf(year)]).replace(/\s*binds$/, '');
        assert.ok(text.includes(cap), `${text} gives ${year}'s cap ${cap}`);
      }
      listed.set(source, named);
    }
    assert.deepEqual(listed, marked, 'the caps listed are the ones the funding table marks "binds"');
    const rulesTable = page.getByRole('table', { name: 'Grant rules' });
    const boundRules = await rulesTable
      .locator('tbody tr')
      .filter({ has: page.locator('td:last-child', { hasText: /^binds$/ }) })
      .locator('th[scope="row"]')
      .allTextContents();
    assert.deepEqual(await rules.allTextContents(), boundRules);
    assert.equal(await page.getByText(/^Binding:/).count(), 0, 'no run-on sentence left');

    await norfolk.getByRole('button', { name: /^Force in/ }).click();
    const reason = norfolk.locator('.why');
    await reason.waitFor({ timeout: 60_000 });
    assert.match(String(await reason.textContent()), /not chosen: funding it loses \$[\d,]+ of benefit/);

    // The allocation as a picture: one bar per mission area of the table, stacked by source on one
    // baseline, each segment as long as the table's dollars say (to the table's rounding).
    const allocation = page.getByRole('region', { name: 'Allocation by mission area and source' });
    const chart = allocation.getByRole('img', {
      name: /^Allocation by mission area, each bar stacked by funding source/,
    });
    await chart.waitFor();
    const allocationTable = allocation.getByRole('table', { name: /^Allocation by mission area and source/ });
    const columns = await allocationTable.locator('thead th').allTextContents();
    const sourceColumns = columns.slice(1, -1);
    assert.deepEqual(
      await allocation.getByRole('list', { name: 'Funding sources' }).getByRole('listitem').allTextContents(),
      sourceColumns,
      'the legend names the sources of the table',
    );
    const tableRows = await allocationTable.locator('tbody tr').all();
    const areas: { area: string; dollars: Map<string, number> }[] = [];
    for (const row of tableRows.slice(0, -1)) {
      const cells = await row.locator('td').allTextContents();
      areas.push({
        area: String(await row.locator('th').textContent()),
        dollars: new Map(sourceColumns.map((source, j) => [source, dollarsShown(String(cells[j]))])),
      });
    }
    assert.ok(areas.length >= 2, 'the demo plan spends on several mission areas');
    const groups = chart.locator('g[data-area]');
    assert.deepEqual(
      await groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-area'))),
      areas.map((a) => a.area),
      'one bar per mission area, in the table order',
    );
    const segments = new Map<string, { source: string; x: number; width: number }[]>();
    for (const { area } of areas) {
      segments.set(
        area,
        await chart.locator(`g[data-area="${area}"] rect[data-source]`).evaluateAll((rects) =>
          rects.map((r) => ({
            source: String(r.getAttribute('data-source')),
            x: Number(r.getAttribute('x')),
            width: Number(r.getAttribute('width')),
          })),
        ),
      );
    }
    const allSegments = [...segments.values()].flat();
    const allDollars = areas.flatMap((a) => [...a.dollars.values()]);
    // Pixels per dollar over the whole chart; the table prints millions to the $10,000.
    const perDollar =
      allSegments.reduce((sum, s) => sum + s.width, 0) / allDollars.reduce((a, b) => a + b, 0);
    const baseline = Math.min(...allSegments.map((s) => s.x));
    for (const { area, dollars } of areas) {
      const drawn = segments.get(area) ?? [];
      assert.deepEqual(
        drawn.map((s) => s.source).sort(),
        [...dollars]
          .filter(([, d]) => d > 0)
          .map(([source]) => source)
          .sort(),
        `${area}: a segment for each source the table shows money from`,
      );
      let end = baseline;
      for (const segment of drawn.sort((a, b) => a.x - b.x)) {
        assert.ok(Math.abs(segment.x - end) < 0.01, `${area} ${segment.source} starts where the last ended`);
        end = segment.x + segment.width;
        const shown = dollars.get(segment.source) ?? 0;
        assert.ok(
          Math.abs(segment.width / perDollar - shown) <= 10_000,
          `${area} ${segment.source}: ${segment.width} px is ${segment.width / perDollar} dollars, the table says ${shown}`,
        );
      }
    }
    await page.getByRole('button', { name: 'Trace frontier' }).click();
    await page.getByRole('img', { name: /Efficient frontier/ }).waitFor({ timeout: 60_000 });
    const execution = page.getByRole('region', { name: /Execution as of/ });
    assert.match(String(await execution.textContent()), /will lapse on 2027-09-30/);
    // Each execution line names its investment as the candidates table does, the ID kept under it.
    const lines = execution.locator('tr[data-line]');
    assert.ok((await lines.count()) >= 2, 'the demo has execution lines');
    for (const line of await lines.all()) {
      const [investmentId] = String(await line.getAttribute('data-line')).split('/');
      const candidate = page.locator(`tr[data-investment="${investmentId}"] th[scope="row"]`);
      const name = String(await candidate.evaluate((th) => th.firstChild?.textContent ?? ''));
      assert.ok(name && name !== investmentId, `${investmentId} has a name in the candidates table`);
      const cell = line.locator('td').first();
      assert.equal(await cell.evaluate((td) => td.firstChild?.textContent), name);
      assert.equal(await cell.locator('.muted').textContent(), investmentId);
    }
    assert.match(
      String(await execution.locator('tr[data-line="eoc-backup-power/EMPG"] td').first().textContent()),
      /^Backup power and HVAC for the state EOC \(demo\)eoc-backup-power$/,
    );

    // The execution as a picture: one bar per line of the table, the most money at risk first,
    // its hatched at-risk stretch as many dollars as the table's "At risk" says, ending at the
    // award's end and starting at the projected-spend marker.
    const executionChart = execution.getByRole('img', { name: /^Execution by award line/ });
    await executionChart.waitFor();
    const executionHeaders = await execution.locator('table thead th').allTextContents();
    const column = (name: string) => {
      const index = executionHeaders.indexOf(name);
      assert.ok(index > 0, `the execution table has a "${name}" column`);
      return index;
    };
    const [awardedColumn, atRiskColumn] = [column('Awarded'), column('At risk')];
    const tableLines = new Map<string, { awarded: number; atRisk: number; atRiskText: string }>();
    for (const row of await lines.all()) {
      const cells = await row.locator('td').allTextContents();
      tableLines.set(String(await row.getAttribute('data-line')), {
        awarded: dollarsShown(String(cells[awardedColumn])),
        atRisk: dollarsShown(String(cells[atRiskColumn])),
        atRiskText: String(cells[atRiskColumn]),
      });
    }
    const barKeys = await executionChart
      .locator('g[data-line]')
      .evaluateAll((gs) => gs.map((g) => String(g.getAttribute('data-line'))));
    assert.equal(barKeys.length, tableLines.size, 'one bar per execution line');
    assert.deepEqual([...barKeys].sort(), [...tableLines.keys()].sort(), 'the bars are the table’s lines');
    const mostAtRisk = Math.max(...[...tableLines.values()].map((l) => l.atRisk));
    assert.ok(mostAtRisk > 0, 'the demo has money at risk');
    const first = tableLines.get(barKeys[0] as string);
    assert.equal(first?.atRisk, mostAtRisk, `${barKeys[0]} comes first: it has the most money at risk`);
    const atRiskBars = await executionChart
      .locator('g[data-line]:has(rect[data-part="at-risk"])')
      .evaluateAll((gs) => gs.map((g) => String(g.getAttribute('data-line'))));
    assert.deepEqual(
      atRiskBars,
      barKeys.filter((key) => (tableLines.get(key)?.atRisk ?? 0) > 0),
      'an at-risk mark on exactly the lines the table has money at risk on',
    );
    for (const key of atRiskBars) {
      const bar = executionChart.locator(`g[data-line="${key}"]`);
      const box = async (part: string) => {
        const rect = bar.locator(`rect[data-part="${part}"]`);
        return { x: Number(await rect.getAttribute('x')), width: Number(await rect.getAttribute('width')) };
      };
      const [award, atRisk] = [await box('awarded'), await box('at-risk')];
      const shown = tableLines.get(key) as { awarded: number; atRisk: number; atRiskText: string };
      const drawnDollars = (atRisk.width / award.width) * shown.awarded;
      // The table prints millions to the $10,000; the at-risk dollars against the award's.
      assert.ok(
        Math.abs(drawnDollars - shown.atRisk) <= 10_000,
        `${key}: the at-risk mark is ${drawnDollars} dollars, the table says ${shown.atRisk}`,
      );
      assert.ok(
        Math.abs(atRisk.x + atRisk.width - (award.x + award.width)) < 0.01,
        `${key}: the lapsing money is the award's last stretch`,
      );
      const marker = Number(await bar.locator('[data-part="projected"] line').getAttribute('x1'));
      assert.ok(
        Math.abs(marker - atRisk.x) < 0.01,
        `${key}: the at-risk stretch starts at the projected spend`,
      );
      assert.equal(
        await bar.locator('[data-part="outlook"]').textContent(),
        `${shown.atRiskText} at risk`,
        `${key}: the mark is labelled with the table's dollars, not colour alone`,
      );
    }
    await assertAccessible(page, 'budget portfolio after the run');
    await page.context().close();
  });

  it('an operations user without budget permissions gets no portfolio', async () => {
    const page = await newPage(demo.browser);
    await signIn(page, demo.server.base, 'norfolk@vigil.example');
    await page.waitForURL(`${demo.server.base}/map`);
    assert.equal(await page.getByRole('link', { name: 'Budget' }).count(), 0, 'no Budget in the navigation');
    // Typed by hand, the address says the page is not for these roles, and asks the server nothing.
    const budgetCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/v1/budget')) budgetCalls.push(request.url());
    });
    await page.goto(`${demo.server.base}/budget`);
    await page.getByRole('heading', { name: 'Budget is not available' }).waitFor();
    assert.match(String(await page.locator('main').textContent()), /do not open Budget/);
    assert.deepEqual(budgetCalls, [], 'no portfolio is asked for');
    await page.context().close();
  });
});
