import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { runVigil } from '../testing/run-vigil.ts';
import { searchProgressBar } from './budget.ts';

/* `vigil budget optimize` run as a user runs it, in a child process. */

const dir = mkdtempSync(join(tmpdir(), 'vigil-budget-cli-'));

const vigil = (args: string[]) => runVigil(args);

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

const portfolio = {
  years: 2,
  sources: [
    { id: 'SHSP', amount_by_year: [50, 50] },
    { id: 'UASI', amount_by_year: [30, 30] },
  ],
  investments: [
    {
      id: 'fusion',
      cost_by_year: [20, 20],
      eligible_sources: ['SHSP', 'UASI'],
      benefit: 50,
      mission_area: 'Prevention',
      category: 'letpa',
    },
    {
      id: 'radios',
      cost_by_year: [60, 0],
      eligible_sources: ['SHSP', 'UASI'],
      benefit: 90,
      mission_area: 'Response',
      category: 'equipment',
    },
    {
      id: 'kits',
      cost_by_year: [0, 50],
      eligible_sources: ['SHSP'],
      benefit: 40,
      mission_area: 'Response',
      category: 'equipment',
      requires: ['radios'],
    },
  ],
  rules: [{ kind: 'min_share', sources: ['SHSP', 'UASI'], category: 'letpa', share: 0.35 }],
};

describe('vigil budget optimize', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the plan as JSON with status, objective, gap, funding per source and binding rules', async () => {
    const { code, stdout, stderr } = await vigil([
      'budget',
      'optimize',
      '--input',
      file('p.json', portfolio),
      '--why-not',
      'kits',
    ]);
    assert.equal(code, 0, stderr);
    const result = JSON.parse(stdout);
    assert.equal(result.status, 'optimal');
    // radios+kits (130) would leave letpa at 0 of 110; fusion+radios (140) keeps 40/100 ≥ 35 %.
    assert.equal(result.objective, 140);
    assert.equal(result.gap, 0);
    assert.deepEqual(
      result.selected.map((s: { id: string }) => s.id),
      ['fusion', 'radios'],
    );
    const fusion = result.selected[0].funding;
    assert.equal((fusion.SHSP ?? 0) + (fusion.UASI ?? 0), 40);
    assert.ok(Array.isArray(result.binding));
    assert.equal(result.why_not[0].forced, 'in');
    assert.match(stderr, /optimal: benefit 140/);
  });

  it('refuses a malformed portfolio naming the file and the field, exit 2', async () => {
    const bad = { ...portfolio, investments: [{ ...portfolio.investments[0], cost_by_year: [1] }] };
    const { code, stderr, stdout } = await vigil(['budget', 'optimize', '--input', file('bad.json', bad)]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /bad\.json: investments\[0\]\.cost_by_year: needs 2 yearly costs/);
    const notJson = await vigil(['budget', 'optimize', '--input', file('x.json', '{"years": 2,')]);
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /is not JSON/);
  });

  it('names the rules that conflict in an infeasible portfolio, exit 3', async () => {
    const tight = {
      ...portfolio,
      investments: portfolio.investments.map((inv) =>
        inv.id === 'kits' ? { ...inv, must_fund: true } : inv,
      ),
    };
    const { code, stdout } = await vigil(['budget', 'optimize', '--input', file('tight.json', tight)]);
    assert.equal(code, 3);
    const result = JSON.parse(stdout);
    assert.equal(result.status, 'infeasible');
    const groups = result.conflicts.map((c: { group: string }) => c.group).sort();
    assert.ok(groups.includes('must-fund') && groups.includes('rule:0'), JSON.stringify(groups));
  });
});

describe('vigil budget optimize: progress on a terminal', () => {
  /** A terminal as cli-progress drives it: writes are kept, cursor moves are no-ops. */
  function terminal(isTTY: boolean) {
    const written: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        written.push(String(chunk));
        done();
      },
    });
    Object.assign(sink, {
      isTTY,
      columns: 160,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      clearScreenDown: () => true,
    });
    return { stream: sink as unknown as NodeJS.WriteStream, text: () => written.join('') };
  }

  it('shows the best plan, the proven bound and the gap as the search reports them', () => {
    const tty = terminal(true);
    const progress = searchProgressBar(tty.stream, 60);
    assert.ok(progress.onProgress);
    progress.onProgress({ seconds: 0.4, objective: undefined, bound: 351_494_455, gap: undefined, nodes: 0 });
    progress.onProgress({
      seconds: 7.6,
      objective: 345_461_393,
      bound: 345_725_312,
      gap: 0.000764,
      nodes: 5,
    });
    progress.stop();
    const text = tty.text();
    assert.match(text, /best – \| bound \$351\.494M/);
    assert.match(text, /8\/60 s \| best \$345\.461M \| bound \$345\.725M \| gap 0\.076 %/);
  });

  it('stays quiet when stderr is a pipe or a file', () => {
    const pipe = terminal(false);
    const progress = searchProgressBar(pipe.stream, 60);
    assert.equal(progress.onProgress, undefined);
    progress.stop();
    assert.equal(pipe.text(), '');
  });
});
