/**
 * Nearest-available dispatch: 1,000,000 resources, 10 % changing status during the run, in-process index against PostGIS KNN.
 *
 * Both sides hold the same resources and see the same status changes; every query is
 * timed on its own (p50/p99 per nearest-k query) and the answers are compared query by
 * query. PostGIS runs in the local PostgreSQL (`VIGIL_BENCH_POSTGRES_URL`, default
 * postgres://postgres@127.0.0.1:5432/postgres); the package postgresql-15-postgis-3 is
 * installed with apt-get when missing and we are root, or the peer is skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type DispatchEntry, DispatchIndex, listResourceTypes, nearestByScan } from '@vigil/core';
import pg from 'pg';
import { median, percentile } from './lib/measure.ts';

const usage = `usage: npm run bench -- dispatch [options]

  --resources N   resources indexed (default 1000000)
  --queries N     nearest-k queries per round (default 20000 in process, a tenth of it on PostGIS)
  --k N           neighbours per query (default 10)
  --rounds N      rounds, medians taken over them (default 3)
  --churn F       share of the resources whose status changes during a round (default 0.1)
  --checks N      in-process answers checked against a brute-force scan per round (default 30)
  --no-postgis    skip the PostGIS peer
  --no-json       do not write bench/results/dispatch-<timestamp>.json
`;

const { values: args } = parseArgs({
  options: {
    resources: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '20000' },
    k: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    churn: { type: 'string', default: '0.1' },
    checks: { type: 'string', default: '30' },
    'no-postgis': { type: 'boolean', default: false },
    'no-json': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const n = Number(args.resources);
const queries = Number(args.queries);
const k = Number(args.k);
const rounds = Number(args.rounds);
const churn = Number(args.churn);
const checks = Number(args.checks);
const pgQueries = Math.max(200, Math.round(queries / 10));

/** Deterministic (mulberry32) so both peers and every run see the same world. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

// A virginia-sized world: 40 typed resource kinds from the catalog, clustered around 1,000
// "stations" the way real inventories sit at stations and depots, 70 % available.
const rand = random(20260915);
const types = listResourceTypes()
  .slice(0, 40)
  .map((t) => t.key);
const stations = Array.from({ length: 1000 }, () => ({
  lon: -83.6 + rand() * 8.2,
  lat: 36.55 + rand() * 2.8,
}));
const entries: DispatchEntry[] = Array.from({ length: n }, (_, i) => {
  const station = stations[Math.floor(rand() * stations.length)] as { lon: number; lat: number };
  return {
    id: `r${String(i).padStart(7, '0')}`,
    resourceType: types[Math.floor(rand() * types.length)] as string,
    lon: station.lon + (rand() - 0.5) * 0.05,
    lat: station.lat + (rand() - 0.5) * 0.05,
    available: rand() < 0.7,
    group: 0,
  };
});

type Query = { type: string; lon: number; lat: number };
const queryAt = (r: () => number): Query => ({
  type: types[Math.floor(r() * types.length)] as string,
  lon: -83.6 + r() * 8.2,
  lat: 36.55 + r() * 2.8,
});

const fmt = (ms: number | null) =>
  ms === null ? '—' : ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;

function log(line: string) {
  process.stderr.write(`${line}\n`);
}

// In process ----------------------------------------------------------------------------------
log(
  `dispatch: ${n.toLocaleString('en-US')} resources, ${types.length} types, k=${k}, ${rounds} rounds, ${(churn * 100).toFixed(0)} % status churn per round`,
);
const index = new DispatchIndex();
const loadStart = performance.now();
index.load(entries);
const loadMs = performance.now() - loadStart;
log(`index built in ${loadMs.toFixed(0)} ms`);

type Round = { p50: number; p99: number; mismatches: number; checked: number };

/**
 * Exactness after the churn: the index against a scan of every resource. Run between the
 * timed phases, never inside them: a scan allocates thousands of candidates per query, and the
 * collections that follow would land in the next round's p99.
 */
function checkAgainstScan(seed: number): { checked: number; mismatches: number } {
  const r = random(seed);
  let mismatches = 0;
  for (let c = 0; c < checks; c++) {
    const query = { types: [queryAt(r).type], ...queryAt(r), k };
    if (JSON.stringify(nearestByScan(entries, query)) !== JSON.stringify(index.nearest(query))) mismatches++;
  }
  return { checked: checks, mismatches };
}
// Warm-up: let V8 compile the search before anything is timed.
{
  const r = random(7);
  for (let q = 0; q < 3000; q++) index.nearest({ types: [queryAt(r).type], ...queryAt(r), k });
}
const inProcess: Round[] = [];
for (let round = 0; round < rounds; round++) {
  const r = random(1000 + round);
  const flipsPerQuery = (churn * n) / queries;
  let pending = 0;
  const times: number[] = [];
  for (let q = 0; q < queries; q++) {
    pending += flipsPerQuery;
    for (; pending >= 1; pending--) {
      const entry = entries[Math.floor(r() * n)] as DispatchEntry;
      entry.available = !entry.available;
      index.setAvailable(entry.id, entry.available);
    }
    const query = { types: [queryAt(r).type], ...queryAt(r), k };
    const t0 = performance.now();
    const hits = index.nearest(query);
    times.push(performance.now() - t0);
    if (hits.length > k) throw new Error('more hits than asked');
  }
  times.sort((a, b) => a - b);
  inProcess.push({
    p50: percentile(times, 0.5) ?? 0,
    p99: percentile(times, 0.99) ?? 0,
    mismatches: 0,
    checked: 0,
  });
  log(
    `in-process round ${round + 1}: p50 ${fmt(inProcess.at(-1)?.p50 ?? 0)}, p99 ${fmt(inProcess.at(-1)?.p99 ?? 0)}`,
  );
}
{
  const { checked, mismatches } = checkAgainstScan(99);
  Object.assign(inProcess[0] ?? {}, { checked, mismatches });
  log(`after ${rounds} rounds of churn: brute-force check ${checked - mismatches}/${checked} identical`);
}

// PostGIS -------------------------------------------------------------------------------------
const url = process.env.VIGIL_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgisAvailable(admin: pg.Client): Promise<string | null> {
  const has = await admin.query(`select 1 from pg_available_extensions where name = 'postgis'`);
  if (has.rowCount) return null;
  if (process.getuid?.() !== 0)
    return 'PostGIS is not installed and installing it needs root (apt-get install postgresql-15-postgis-3)';
  log('PostGIS missing: apt-get install -y postgresql-15-postgis-3 …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql-15-postgis-3'], {
    stdio: 'ignore',
    env,
  });
  if (install.status !== 0) return 'apt-get could not install postgresql-15-postgis-3';
  const again = await admin.query(`select 1 from pg_available_extensions where name = 'postgis'`);
  return again.rowCount
    ? null
    : 'postgresql-15-postgis-3 installed but this server does not offer postgis (another PostgreSQL version?)';
}

type PgRound = Round & { agreeing: number };
const postgis: PgRound[] = [];
let skipped: string | null = args['no-postgis'] ? 'skipped by --no-postgis' : null;
if (!skipped) {
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    skipped = `no PostgreSQL at ${url}: ${(error as Error).message}`;
  }
  if (!skipped) skipped = await postgisAvailable(admin);
  if (!skipped) {
    const name = `vigil_bench_dispatch_${process.pid}`;
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const db = new pg.Client({ connectionString: target.toString() });
    await db.connect();
    try {
      await db.query('create extension postgis');
      await db.query('create extension btree_gist');
      await db.query(
        'create table resources (id text primary key, resource_type text not null, available boolean not null, geog geography(Point, 4326) not null)',
      );
      const loadPg = performance.now();
      // The same world as the index, in the state the in-process rounds left it.
      for (let start = 0; start < n; start += 20_000) {
        const chunk = entries.slice(start, start + 20_000);
        await db.query(
          `insert into resources select id, t, a, st_setsrid(st_makepoint(x, y), 4326)::geography
           from unnest($1::text[], $2::text[], $3::bool[], $4::float8[], $5::float8[]) as u(id, t, a, x, y)`,
          [
            chunk.map((e) => e.id),
            chunk.map((e) => e.resourceType),
            chunk.map((e) => e.available),
            chunk.map((e) => e.lon),
            chunk.map((e) => e.lat),
          ],
        );
      }
      // The index a PostGIS deployment would choose: GiST on (type, position), KNN with `<->`.
      await db.query('create index resources_knn on resources using gist (resource_type, geog)');
      await db.query('analyze resources');
      log(`PostGIS loaded and indexed in ${((performance.now() - loadPg) / 1000).toFixed(1)} s`);
      for (let round = 0; round < rounds; round++) {
        const r = random(5000 + round);
        const flipsPerQuery = (churn * n) / pgQueries;
        let pending = 0;
        const times: number[] = [];
        let agreeing = 0;
        for (let q = 0; q < pgQueries; q++) {
          pending += flipsPerQuery;
          const flipped: DispatchEntry[] = [];
          for (; pending >= 1; pending--) {
            const entry = entries[Math.floor(r() * n)] as DispatchEntry;
            entry.available = !entry.available;
            index.setAvailable(entry.id, entry.available);
            flipped.push(entry);
          }
          if (flipped.length) {
            await db.query(
              'update resources set available = u.a from unnest($1::text[], $2::bool[]) as u(id, a) where resources.id = u.id',
              [flipped.map((e) => e.id), flipped.map((e) => e.available)],
            );
          }
          const query = { ...queryAt(r), k };
          const t0 = performance.now();
          const result = await db.query<{ id: string }>(
            `select id from resources where resource_type = $1 and available
             order by geog <-> st_setsrid(st_makepoint($2, $3), 4326)::geography limit $4`,
            [query.type, query.lon, query.lat, k],
          );
          times.push(performance.now() - t0);
          const ours = index
            .nearest({ types: [query.type], lon: query.lon, lat: query.lat, k })
            .map((hit) => hit.id);
          if (JSON.stringify(ours) === JSON.stringify(result.rows.map((row) => row.id))) agreeing++;
        }
        times.sort((a, b) => a - b);
        postgis.push({
          p50: percentile(times, 0.5) ?? 0,
          p99: percentile(times, 0.99) ?? 0,
          mismatches: pgQueries - agreeing,
          checked: pgQueries,
          agreeing,
        });
        log(
          `PostGIS round ${round + 1}: p50 ${fmt(postgis.at(-1)?.p50 ?? 0)}, p99 ${fmt(postgis.at(-1)?.p99 ?? 0)}, same answer ${agreeing}/${pgQueries}`,
        );
      }
    } finally {
      await db.end();
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  }
  await admin.end().catch(() => undefined);
}

// Report --------------------------------------------------------------------------------------
const mid = (rows: Round[], key: 'p50' | 'p99') => median(rows.map((row) => row[key])) ?? 0;
const ours = { p50: mid(inProcess, 'p50'), p99: mid(inProcess, 'p99') };
const peer = postgis.length ? { p50: mid(postgis, 'p50'), p99: mid(postgis, 'p99') } : null;
const checkedIn = inProcess.reduce((sum, row) => sum + row.checked, 0);
const wrongIn = inProcess.reduce((sum, row) => sum + row.mismatches, 0);
const lines = [
  `nearest-k dispatch, ${n.toLocaleString('en-US')} resources, k=${k}, ${(churn * 100).toFixed(0)} % status churn per round, median of ${rounds} rounds (${cpus().length} cores, Node ${process.version})`,
  '',
  `  in-process index (kdbush + geokdbush, availability bytes)  p50 ${fmt(ours.p50)}   p99 ${fmt(ours.p99)}   ${queries.toLocaleString('en-US')} queries/round; brute-force check ${checkedIn - wrongIn}/${checkedIn} identical`,
  peer
    ? `  PostGIS KNN (<->, GiST (type, geography), same data)       p50 ${fmt(peer.p50)}   p99 ${fmt(peer.p99)}   ${pgQueries.toLocaleString('en-US')} queries/round; same answer as the index ${postgis.reduce((s, r) => s + r.agreeing, 0)}/${postgis.reduce((s, r) => s + r.checked, 0)}`
    : `  PostGIS KNN: not measured (${skipped})`,
  '',
  `  goal p99 ≤ 1 ms in process: ${ours.p99 <= 1 ? 'met' : 'missed'} (${fmt(ours.p99)})`,
  peer
    ? `  goal ≥ 20× faster than PostGIS per query: p50 ${(peer.p50 / ours.p50).toFixed(0)}×, p99 ${(peer.p99 / ours.p99).toFixed(0)}× (${peer.p50 / ours.p50 >= 20 ? 'met' : 'missed'})`
    : '  goal ≥ 20× faster than PostGIS: not measured',
];
process.stdout.write(`${lines.join('\n')}\n`);
if (!args['no-json']) {
  const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `dispatch-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ n, k, rounds, churn, loadMs, inProcess, postgis, skipped }, null, 2));
  log(`results: ${file}`);
}
