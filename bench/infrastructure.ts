/**
 * Critical infrastructure: one cascade and the full single-point-of-failure ranking on 1M assets / 4M edges, against one plain BFS; ranking at 10k against networkx brute force.
 *
 * Everything runs in this process on the same typed arrays. Each figure is the median of
 * `--runs` runs; the BFS peer is measured in the same run, interleaved with the subjects.
 * The networkx peer runs once (it takes minutes); its ranking must equal ours line for line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  compileDependencyGraph,
  type DependencyGraph,
  findCascadingFailures,
  type GraphArrays,
  orderByImpact,
  rankSinglePointsOfFailure,
} from '@vigil/core/infrastructure';
import { buildSyntheticGraph, seededRandom } from './lib/infra-synthetic-graph.ts';

const usage = `usage: npm run bench -- infrastructure [options]

  --nodes N        assets of the large graph (default 1000000)
  --edges N        edges of the large graph (default 4000000)
  --runs N         runs per measurement, medians taken (default 7)
  --small N        assets of the graph compared with networkx (default 10000, edges 4×)
  --no-networkx    skip the networkx comparison
  --no-json        do not write bench/results/infrastructure-<timestamp>.json
`;

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '1000000' },
    edges: { type: 'string', default: '4000000' },
    runs: { type: 'string', default: '7' },
    small: { type: 'string', default: '10000' },
    'no-networkx': { type: 'boolean', default: false },
    'no-json': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const nodes = Number(values.nodes);
const edges = Number(values.edges);
const runs = Math.max(3, Number(values.runs));
const small = Number(values.small);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function time<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * The peer: one breadth-first pass from a virtual root over all sources, along the same CSR
 * arrays the cascade walks (supplier → group → dependent), visiting every asset once.
 */
function breadthFirstPass(graph: DependencyGraph, queue: Int32Array, seen: Uint8Array): number {
  const { nodeCount, inStart, outStart, outGroup, groupDependent } = graph;
  seen.fill(0);
  let tail = 0;
  for (let v = 0; v < nodeCount; v++) {
    if (inStart[v] === inStart[v + 1]) {
      seen[v] = 1;
      queue[tail++] = v;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head] as number;
    const end = outStart[v + 1] as number;
    for (let i = outStart[v] as number; i < end; i++) {
      const d = groupDependent[outGroup[i] as number] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        queue[tail++] = d;
      }
    }
  }
  return tail;
}

function compile(arrays: GraphArrays): DependencyGraph {
  const compiled = compileDependencyGraph(arrays);
  if (!compiled.graph) throw new Error(`synthetic graph refused: ${compiled.problems[0]?.reason}`);
  return compiled.graph;
}

const line = (text = '') => process.stdout.write(`${text}\n`);
const fmt = (ms: number) => `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
line(
  `infrastructure bench: ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);

// ── 1. The large graph ────────────────────────────────────────────────────────────────
const build = time(() =>
  buildSyntheticGraph({ nodes, edges, sources: Math.max(10, nodes / 1000), window: 2000, seed: 2026 }),
);
const compiled = time(() => compile(build.value));
const graph = compiled.value;
line(
  `graph: ${graph.nodeCount.toLocaleString('en-US')} assets, ${graph.outGroup.length.toLocaleString('en-US')} edges (generated in ${fmt(build.ms)}, CSR compiled in ${fmt(compiled.ms)})`,
);

const queue = new Int32Array(graph.nodeCount);
const seen = new Uint8Array(graph.nodeCount);
const random = seededRandom(7);
const sources: number[] = [];
for (let v = 0; v < graph.nodeCount; v++) if (graph.inStart[v] === graph.inStart[v + 1]) sources.push(v);
const footprint = Array.from({ length: Math.floor(graph.nodeCount / 100) }, () =>
  Math.floor(random() * graph.nodeCount),
);

const samples: Record<string, number[]> = {
  bfs: [],
  cascadeAll: [],
  cascadeFootprint: [],
  cascadeTop: [],
  ranking: [],
  top100: [],
};
let lastRanking = rankSinglePointsOfFailure(graph);
const topAsset = orderByImpact(lastRanking, 1)[0] as number;
let cascadeSizes = { all: 0, footprint: 0, top: 0 };
for (let r = 0; r < runs; r++) {
  const bfs = time(() => breadthFirstPass(graph, queue, seen));
  if (bfs.value !== graph.nodeCount) throw new Error('the BFS did not reach every asset');
  samples.bfs?.push(bfs.ms);
  const all = time(() => findCascadingFailures(graph, sources));
  samples.cascadeAll?.push(all.ms);
  const hazard = time(() => findCascadingFailures(graph, footprint, 72));
  samples.cascadeFootprint?.push(hazard.ms);
  const top = time(() => findCascadingFailures(graph, [topAsset]));
  samples.cascadeTop?.push(top.ms);
  cascadeSizes = {
    all: all.value.failed.length,
    footprint: hazard.value.failed.length,
    top: top.value.failed.length,
  };
  const ranking = time(() => rankSinglePointsOfFailure(graph));
  samples.ranking?.push(ranking.ms);
  lastRanking = ranking.value;
  samples.top100?.push(time(() => orderByImpact(lastRanking, 100)).ms);
}
const fullSort = time(() => orderByImpact(lastRanking));
const bfsMs = median(samples.bfs ?? []);
const report: Record<string, unknown> = { nodes: graph.nodeCount, edges: graph.outGroup.length, runs, bfsMs };
line();
line(`medians of ${runs} runs                                   time       × one BFS   goal`);
const row = (label: string, key: string, goal: string) => {
  const ms = median(samples[key] ?? []);
  report[key] = { ms, ratioToBfs: ms / bfsMs };
  line(`  ${label.padEnd(52)} ${fmt(ms).padStart(10)}  ${(ms / bfsMs).toFixed(2).padStart(8)}×   ${goal}`);
};
row('peer: one plain BFS over every asset', 'bfs', '');
row(
  `cascade: all ${sources.length} sources fail (${cascadeSizes.all.toLocaleString('en-US')} fail)`,
  'cascadeAll',
  '≤ 200 ms',
);
row(
  `cascade: 1% footprint, 72 h horizon (${cascadeSizes.footprint.toLocaleString('en-US')} fail)`,
  'cascadeFootprint',
  '≤ 200 ms',
);
row(
  `cascade: the top single point (${cascadeSizes.top.toLocaleString('en-US')} fail)`,
  'cascadeTop',
  '≤ 200 ms',
);
row(`ranking: every asset's single-failure impact (${lastRanking.method})`, 'ranking', '≤ 10× BFS');
row('ranking: top 100 out of the impacts', 'top100', '');
line(
  `  ${'ranking: full sort of all impacts (once, for information)'.padEnd(52)} ${fmt(fullSort.ms).padStart(10)}  ${(fullSort.ms / bfsMs).toFixed(2).padStart(8)}×`,
);
report.fullSortMs = fullSort.ms;
const worstCascade = Math.max(
  median(samples.cascadeAll ?? []),
  median(samples.cascadeFootprint ?? []),
  median(samples.cascadeTop ?? []),
);
const rankingRatio = median(samples.ranking ?? []) / bfsMs;
line(
  `goals: one cascade ≤ 200 ms: ${worstCascade <= 200 ? 'met' : 'NOT met'} (slowest ${fmt(worstCascade)}); ranking ≤ 10× BFS: ${rankingRatio <= 10 ? 'met' : 'NOT met'} (${rankingRatio.toFixed(2)}×)`,
);

// ── 2. 10k assets against networkx brute force ────────────────────────────────────────
function ensureNetworkx(): string | null {
  const probe = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], {
    encoding: 'utf8',
  });
  if (probe.status === 0) return probe.stdout.trim();
  process.stdout.write('networkx missing: trying apt-get install -y python3-networkx …\n');
  const install = spawnSync('apt-get', ['install', '-y', 'python3-networkx'], { stdio: 'ignore' });
  if (install.status !== 0) return null;
  const again = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], {
    encoding: 'utf8',
  });
  return again.status === 0 ? again.stdout.trim() : null;
}

line();
if (values['no-networkx']) {
  line('networkx comparison skipped (--no-networkx)');
} else {
  const version = ensureNetworkx();
  if (!version) {
    line(
      'networkx comparison skipped: python3-networkx is not installed and could not be (apt-get install -y python3-networkx)',
    );
  } else {
    const arrays = buildSyntheticGraph({
      nodes: small,
      edges: small * 4,
      sources: Math.max(10, small / 1000),
      window: 200,
      seed: 11,
    });
    const smallGraph = compile(arrays);
    const rankRuns: number[] = [];
    let impacts = rankSinglePointsOfFailure(smallGraph);
    let ordered = orderByImpact(impacts);
    for (let r = 0; r < runs; r++) {
      rankRuns.push(
        time(() => {
          impacts = rankSinglePointsOfFailure(smallGraph);
          ordered = orderByImpact(impacts);
        }).ms,
      );
    }
    const ours = [
      'id,impact_population,impact_assets',
      ...Array.from(ordered, (v) => `n${v},${impacts.population[v]},${impacts.assets[v]}`),
    ];
    const dir = mkdtempSync(join(tmpdir(), 'vigil-infra-bench-'));
    try {
      const nodeLines = [
        'id,population_served',
        ...Array.from({ length: small }, (_, v) => `n${v},${arrays.population[v]}`),
      ];
      const edgeLines = [
        'supplier,dependent',
        ...Array.from(arrays.edgeSupplier, (s, e) => `n${s},n${arrays.edgeDependent[e]}`),
      ];
      writeFileSync(join(dir, 'nodes.csv'), `${nodeLines.join('\n')}\n`);
      writeFileSync(join(dir, 'edges.csv'), `${edgeLines.join('\n')}\n`);
      line(
        `networkx ${version}: brute force over ${small.toLocaleString('en-US')} assets / ${arrays.edgeSupplier.length.toLocaleString('en-US')} edges (one search per asset; takes a while) …`,
      );
      const script = fileURLToPath(new URL('./lib/infra-networkx-rank.py', import.meta.url));
      const python = spawnSync('python3', [script, join(dir, 'nodes.csv'), join(dir, 'edges.csv')], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (python.status !== 0) throw new Error(`networkx run failed: ${python.stderr}`);
      const networkxMs = Number(python.stderr.trim().split('\n').at(-1)) * 1000;
      const theirs = python.stdout.trim().split('\n');
      const firstDiff = ours.findIndex((text, i) => text !== theirs[i]);
      const identical = firstDiff < 0 && ours.length === theirs.length;
      const oursMs = median(rankRuns);
      line(`  ours (${impacts.method}, incl. full sort), median of ${runs}: ${fmt(oursMs)}`);
      line(`  networkx brute force: ${fmt(networkxMs)}`);
      line(`  speed-up: ${Math.round(networkxMs / oursMs).toLocaleString('en-US')}× (goal ≥ 1,000×)`);
      line(
        `  rankings identical: ${identical ? `yes (${small.toLocaleString('en-US')} lines)` : `NO, first difference at line ${firstDiff + 1}: ours "${ours[firstDiff]}" vs networkx "${theirs[firstDiff]}"`}`,
      );
      report.networkx = {
        version,
        nodes: small,
        oursMs,
        networkxMs,
        speedup: networkxMs / oursMs,
        identical,
      };
      if (!identical) process.exitCode = 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

if (!values['no-json']) {
  const results = fileURLToPath(new URL('./results/', import.meta.url));
  mkdirSync(results, { recursive: true });
  const file = join(results, `infrastructure-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  line(`results: ${file}`);
}
