/**
 * Budget optimizer: Vigil (HiGHS, pooled funding units, greedy start) vs GLPK glpsol and COIN-OR CBC on the same model, plus greedy.
 *
 * Generates (fixed seed) a 200- and a 5,000-investment portfolio (4 years, 6 sources,
 * ≥ 50 grant rules, prerequisites, exclusions, must-fund items), writes the model each
 * solver gets as a CPLEX LP file (money in millions, as HiGHS receives it), and runs every
 * solver with the same time limit. Prints status, objective, proven bound, gap and time,
 * and for greedy its objective and whether any funding split of its choices keeps every
 * rule. The peers also get the unpooled model of the issue (one funding column per
 * investment × source × year) so the effect of pooling is visible. See bench/README.md.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildBudgetModel,
  generatePortfolio,
  optimizePortfolio,
  type Portfolio,
  parsePortfolio,
  solveBudgetModel,
  writeLpModel,
} from '@vigil/core';

const usage = `usage: npm run bench -- budget [options]

  --time-limit S   seconds each solver gets on each instance (default 60)
  --rounds N       runs of each measurement on the 200-investment instance; medians taken (default 3)
  --big-rounds N   runs on the 5,000-investment instance (default 1: each run is up to a minute per solver)
  --seed N         instance seed (default 2026)
  --seeds LIST     more 200-investment instances, comma-separated seeds, one round each (e.g. 2027,2028,2029,2030,7):
                   one instance says little about branch and bound, whose time varies by orders of magnitude
  --only SIZES     comma-separated instance sizes (default 200,5000)
  --no-unpooled    skip the runs on the unpooled model
  --no-json        do not write bench/results/budget-<timestamp>.json`;

const { values } = parseArgs({
  options: {
    'time-limit': { type: 'string', default: '60' },
    rounds: { type: 'string', default: '3' },
    'big-rounds': { type: 'string', default: '1' },
    seed: { type: 'string', default: '2026' },
    seeds: { type: 'string', default: '' },
    only: { type: 'string', default: '200,5000' },
    'no-unpooled': { type: 'boolean', default: false },
    'no-json': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const timeLimit = Number(values['time-limit']);
const seed = Number(values.seed);

type Outcome = {
  solver: string;
  model: 'pooled' | 'unpooled' | '—';
  status: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  rulesKept: boolean | null;
};

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Vigil is timed on the wall clock, as the peers are (core reads no clock of its own). */
const clock = () => performance.now();

const gapOf = (objective: number | null, bound: number | null) =>
  objective !== null && bound !== null && objective > 0 ? Math.max(0, bound - objective) / objective : null;

function available(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Installs the peers from Debian when missing and allowed (root); otherwise they are skipped with a message. */
function ensurePeers(): { glpsol: boolean; cbc: boolean } {
  if (!(available('glpsol') && available('cbc')) && process.getuid?.() === 0 && available('apt-get')) {
    process.stderr.write('installing glpk-utils and coinor-cbc (apt-get)…\n');
    spawnSync('apt-get', ['install', '-y', 'glpk-utils', 'coinor-cbc'], { stdio: 'ignore' });
  }
  const glpsol = available('glpsol');
  const cbc = available('cbc');
  if (!glpsol) process.stderr.write('glpsol not found: GLPK rows skipped (apt-get install glpk-utils)\n');
  if (!cbc) process.stderr.write('cbc not found: CBC rows skipped (apt-get install coinor-cbc)\n');
  return { glpsol, cbc };
}

const number = '([-+]?\\d[\\d.]*(?:e[-+]?\\d+)?)';

/** glpsol's last progress line: `+ 4895: mip = 3.45e+02 <= tree is empty 0.0% …` or `… <= 3.46e+02 0.3% …`. */
function runGlpsol(file: string): Omit<Outcome, 'model' | 'rulesKept'> {
  const started = performance.now();
  const run = spawnSync('glpsol', ['--lp', file, '--tmlim', String(timeLimit)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: (timeLimit + 120) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  const out = `${run.stdout}${run.stderr}`;
  const lines = [...out.matchAll(new RegExp(`mip =\\s+${number}\\s+<=\\s+(tree is empty|${number})`, 'g'))];
  const last = lines.at(-1);
  const objective = last ? Number(last[1]) * 1e6 : null;
  const bound = last ? (last[2] === 'tree is empty' ? objective : Number(last[2]) * 1e6) : null;
  const status = /INTEGER OPTIMAL SOLUTION FOUND/.test(out)
    ? 'optimal'
    : /TIME LIMIT EXCEEDED/.test(out)
      ? 'time_limit'
      : /NO (PRIMAL )?(INTEGER )?FEASIBLE SOLUTION/.test(out)
        ? 'infeasible'
        : 'error';
  return { solver: 'GLPK glpsol 5.0', status, objective, bound, gap: gapOf(objective, bound), seconds };
}

/** CBC minimizes the negated objective: `Objective value: -345.46`, `Lower bound: -345.9`, `Gap: 0.001`. */
function runCbc(file: string): Omit<Outcome, 'model' | 'rulesKept'> {
  const started = performance.now();
  const run = spawnSync('cbc', [file, 'sec', String(timeLimit), 'threads', '1', 'solve', 'quit'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: (timeLimit + 120) * 1000,
  });
  const seconds = (performance.now() - started) / 1000;
  const out = `${run.stdout}${run.stderr}`;
  const value = (label: string) => {
    const match = new RegExp(`${label}:?\\s+${number}`).exec(out);
    return match ? Math.abs(Number(match[1])) * 1e6 : null;
  };
  const objective = value('Objective value');
  // After "Switching back to maximization" CBC may call the bound lower, upper or best possible.
  const bound = /Result - Optimal solution found/.test(out)
    ? objective
    : (value('Lower bound') ?? value('Upper bound') ?? value('Best possible') ?? null);
  const status = /Result - Optimal solution found/.test(out)
    ? 'optimal'
    : /Result - Stopped on time limit/.test(out)
      ? 'time_limit'
      : /infeasible/i.test(out)
        ? 'infeasible'
        : 'error';
  return { solver: 'COIN-OR CBC 2.10', status, objective, bound, gap: gapOf(objective, bound), seconds };
}

async function measure(
  size: number,
  rounds: number,
  dir: string,
  peers: { glpsol: boolean; cbc: boolean },
  seed: number,
) {
  const portfolio: Portfolio = parsePortfolio(generatePortfolio(seed, size));
  const rules = portfolio.rules.length;
  const prerequisites = portfolio.investments.filter((inv) => inv.requires?.length).length;
  const exclusions = portfolio.investments.filter((inv) => inv.excludes?.length).length;
  const mustFund = portfolio.investments.filter((inv) => inv.must_fund).length;
  process.stderr.write(
    `\n${size} investments, ${portfolio.years} years, ${portfolio.sources.length} sources, ${rules} rules, ${prerequisites} prerequisites, ${exclusions} exclusions, ${mustFund} must-fund (seed ${seed})\n`,
  );
  const pooled = buildBudgetModel(portfolio);
  const unpooled = buildBudgetModel(portfolio, { pooled: false });
  const files = {
    pooled: join(dir, `budget-${size}-pooled.lp`),
    unpooled: join(dir, `budget-${size}-unpooled.lp`),
  };
  writeFileSync(files.pooled, writeLpModel(pooled));
  if (!values['no-unpooled']) writeFileSync(files.unpooled, writeLpModel(unpooled));
  process.stderr.write(
    `  model: pooled ${pooled.numCols} columns × ${pooled.rows.length} rows; unpooled ${unpooled.numCols} × ${unpooled.rows.length}\n`,
  );
  // The 200 optimum is proven exactly (gap 0, as glpsol's default); the 5,000 goal is 0.05 %: Vigil runs
  // once to a 0.04 % target (how soon it meets the goal) and once to 0.01 % (what it reaches in the peers' time).
  const mipRelGap = size <= 1000 ? 0 : 4e-4;
  const tightGap = 1e-4;
  const runs: Outcome[][] = [];
  let greedy: { objective: number; satisfies: boolean; broken: string[] } | null = null;
  for (let round = 0; round < rounds; round++) {
    const row: Outcome[] = [];
    const vigil = await optimizePortfolio(portfolio, { timeLimit, mipRelGap, withDuals: false, clock });
    row.push({
      solver: 'Vigil (HiGHS 1.15 wasm)',
      model: 'pooled',
      status: vigil.status,
      objective: vigil.objective,
      bound: vigil.bound,
      gap: vigil.gap,
      seconds: vigil.seconds,
      rulesKept: vigil.rules_satisfied,
    });
    greedy = vigil.greedy
      ? {
          objective: vigil.greedy.objective,
          satisfies: vigil.greedy.satisfies_rules,
          broken: vigil.greedy.broken.map((b) => b.label),
        }
      : null;
    process.stderr.write(
      `  round ${round + 1}: Vigil ${vigil.status} gap ${fmtPct(vigil.gap)} in ${vigil.seconds.toFixed(1)} s\n`,
    );
    if (size > 1000) {
      const tight = await optimizePortfolio(portfolio, {
        timeLimit,
        mipRelGap: tightGap,
        withDuals: false,
        withGreedy: false,
        clock,
      });
      row.push({
        solver: `Vigil, target ${fmtPct(tightGap)}`,
        model: 'pooled',
        status: tight.status,
        objective: tight.objective,
        bound: tight.bound,
        gap: tight.gap,
        seconds: tight.seconds,
        rulesKept: tight.rules_satisfied,
      });
      process.stderr.write(
        `  round ${round + 1}: Vigil to ${fmtPct(tightGap)}: gap ${fmtPct(tight.gap)} in ${tight.seconds.toFixed(1)} s\n`,
      );
    }
    if (!values['no-unpooled']) {
      const raw = await solveBudgetModel(unpooled, { timeLimit, mipRelGap });
      row.push({
        solver: 'HiGHS alone (no start)',
        model: 'unpooled',
        status: raw.status,
        objective: raw.objective ?? null,
        bound: raw.bound ?? null,
        gap: gapOf(raw.objective ?? null, raw.bound ?? null),
        seconds: raw.seconds,
        rulesKept: null,
      });
    }
    for (const model of values['no-unpooled'] ? (['pooled'] as const) : (['pooled', 'unpooled'] as const)) {
      if (peers.glpsol) row.push({ ...runGlpsol(files[model]), model, rulesKept: null });
      if (peers.cbc) row.push({ ...runCbc(files[model]), model, rulesKept: null });
    }
    runs.push(row);
  }
  const first = runs[0] ?? [];
  const rows: Outcome[] = first.map((outcome, k) => ({
    ...outcome,
    seconds: median(runs.map((row) => row[k]?.seconds ?? Number.NaN)),
  }));
  if (greedy) {
    rows.push({
      solver: 'greedy benefit/cost',
      model: '—',
      status: greedy.satisfies ? 'keeps rules' : 'breaks rules',
      objective: greedy.objective,
      bound: null,
      gap: null,
      seconds: 0,
      rulesKept: greedy.satisfies,
    });
  }
  return {
    size,
    seed,
    rules,
    prerequisites,
    exclusions,
    mustFund,
    rounds,
    rows,
    greedyBroken: greedy?.broken ?? [],
  };
}

function fmtPct(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(4)} %`;
}
const fmtMoney = (value: number | null) => (value === null ? '—' : `$${(value / 1e6).toFixed(3)}M`);

function print(result: Awaited<ReturnType<typeof measure>>): void {
  const header = [
    'solver',
    'model',
    'status',
    'objective',
    'proven bound',
    'gap',
    'time (s, median)',
    'rules kept',
  ];
  const table = result.rows.map((row) => [
    row.solver,
    row.model,
    row.status,
    fmtMoney(row.objective),
    fmtMoney(row.bound),
    fmtPct(row.gap),
    row.solver.startsWith('greedy') ? '—' : row.seconds.toFixed(1),
    row.rulesKept === null ? '(same model)' : row.rulesKept ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ');
  process.stdout.write(
    `\n${result.size} investments (${result.rules} rules; ${result.rounds} round${result.rounds > 1 ? 's' : ''}; time limit ${timeLimit} s)\n`,
  );
  process.stdout.write(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of table) process.stdout.write(`${line(row)}\n`);
  const vigil = result.rows[0];
  for (const peer of result.rows.filter(
    (row) => row.model === 'pooled' && !row.solver.startsWith('Vigil') && !row.solver.startsWith('greedy'),
  )) {
    if (!vigil || vigil.seconds <= 0) continue;
    process.stdout.write(
      `  ${peer.solver} (pooled): time ratio peer/Vigil ${(peer.seconds / vigil.seconds).toFixed(2)}, gap ${fmtPct(peer.gap)} vs ${fmtPct(vigil.gap)}\n`,
    );
  }
  if (result.greedyBroken.length) {
    process.stdout.write(
      `  greedy breaks: ${result.greedyBroken.slice(0, 6).join('; ')}${result.greedyBroken.length > 6 ? ' …' : ''}\n`,
    );
  }
}

/** The 200-investment instances side by side: each solver's time, and how often it proved the optimum. */
function printSuite(instances: { seed: number; rows: Outcome[] }[]): void {
  const solvers = (instances[0]?.rows ?? []).filter((row) => row.model === 'pooled').map((row) => row.solver);
  process.stdout.write(
    `\n200 investments, ${instances.length} seeds (time in s; * = not proven within ${timeLimit} s)\n`,
  );
  process.stdout.write(`${['seed', ...solvers].map((c) => c.padEnd(26)).join('')}\n`);
  for (const { seed: s, rows } of instances) {
    const cells = solvers.map((solver) => {
      const row = rows.find((r) => r.solver === solver && r.model === 'pooled');
      return row ? `${row.seconds.toFixed(1)}${row.status === 'optimal' ? '' : '*'}` : '—';
    });
    process.stdout.write(`${[String(s), ...cells].map((c) => c.padEnd(26)).join('')}\n`);
  }
  const totals = solvers.map((solver) =>
    instances.reduce(
      (sum, { rows }) => sum + (rows.find((r) => r.solver === solver && r.model === 'pooled')?.seconds ?? 0),
      0,
    ),
  );
  process.stdout.write(
    `${['total', ...totals.map((t) => t.toFixed(1))].map((c) => c.padEnd(26)).join('')}\n`,
  );
}

const peers = ensurePeers();
const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-budget-'));
const results = [];
try {
  process.stderr.write(
    `budget bench on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), every solver single-threaded\n`,
  );
  for (const size of values.only.split(',').map(Number)) {
    const rounds = size <= 1000 ? Number(values.rounds) : Number(values['big-rounds']);
    const result = await measure(size, rounds, dir, peers, seed);
    print(result);
    results.push(result);
  }
  const more = values.seeds ? values.seeds.split(',').map(Number) : [];
  const suite = [];
  for (const other of more) {
    const result = await measure(200, 1, dir, peers, other);
    print(result);
    results.push(result);
    suite.push({ seed: other, rows: result.rows });
  }
  const main200 = results.find((r) => r.size === 200 && r.seed === seed);
  if (more.length) printSuite([...(main200 ? [{ seed, rows: main200.rows }] : []), ...suite]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (!values['no-json']) {
  const out = resolve(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(out, { recursive: true });
  const file = join(out, `budget-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ seed, timeLimit, results }, null, 2));
  process.stdout.write(`\nresults: ${file}\n`);
}
