/**
 * Standards: CAP 1.2 validation throughput against `xmllint --schema` on the same batch, and STIX import objects/s into SQLite.
 *
 * CAP: N alerts (default 10,000, derived from the OASIS Appendix A examples with distinct
 * identifiers) are written as files; xmllint (Debian libxml2-utils, native C) validates them all
 * against CAP-v1.2.xsd in one process; Vigil reads the same files and runs its full check
 * (guarded parse, XSD via libxml2-wasm, the rules beyond the XSD, signature check) in one
 * thread, then on a pool of worker threads. STIX: bundles of generated indicators are
 * validated (OASIS schemas + spec rules) and stored as marked records in a TAXII collection
 * on SQLite, with their journal entries. Medians over --rounds runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCapDocument, emitCapAlert } from '@vigil/core/standards/cap';
import { checkStixBundle, type StixBundleVerdict, tlp2MarkingIds } from '@vigil/core/standards/stix';
import {
  addAgency,
  addUser,
  collectionForCli,
  createCollection,
  importStixBundle,
  loadConfig,
  openVigilDeps,
  viewerForUser,
} from '@vigil/server';
import { type CapFileResult, readCapFiles } from '../packages/server/src/interop/read-cap-files.ts';
import { StandardsPool } from '../packages/server/src/interop/standards-pool.ts';
import { validateCapFiles } from '../packages/server/src/interop/validate-cap-files.ts';

const { values } = parseArgs({
  options: {
    alerts: { type: 'string', default: '10000' },
    objects: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
    'no-cli': { type: 'boolean', default: false },
  },
});
const alertCount = Number(values.alerts);
const objectCount = Number(values.objects);
const rounds = Math.max(1, Number(values.rounds));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const root = new URL('..', import.meta.url).pathname;
const fixtures = join(root, 'packages/core/src/standards/fixtures');
const xsd = join(fixtures, 'cap/schema/CAP-v1.2.xsd');

function findXmllint(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v xmllint']);
  if (which.status === 0) return which.stdout.toString().trim();
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
    process.stderr.write('xmllint missing: installing Debian libxml2-utils…\n');
    spawnSync('apt-get', ['install', '-y', '-qq', 'libxml2-utils'], { stdio: 'ignore' });
    const again = spawnSync('sh', ['-c', 'command -v xmllint']);
    if (again.status === 0) return again.stdout.toString().trim();
  }
  return null;
}

function writeAlerts(dir: string): string[] {
  const bases = [
    'cap12-appendix-A1.xml',
    'cap12-appendix-A2.xml',
    'cap12-appendix-A3.xml',
    'cap12-appendix-A4.xml',
  ].map((f) => checkCapDocument(readFileSync(join(fixtures, 'cap/spec-examples', f)))[0]?.alert);
  const names: string[] = [];
  for (let i = 0; i < alertCount; i += 1) {
    const base = bases[i % bases.length];
    if (!base) throw new Error('spec example did not parse');
    const name = `a${String(i).padStart(6, '0')}.xml`;
    writeFileSync(join(dir, name), emitCapAlert({ ...base, identifier: `VIGIL-BENCH-${i}` }));
    names.push(name);
  }
  return names;
}

type CapRound = {
  peer?: number;
  peerCpu?: number;
  single: number;
  singleCpu: number;
  pool: number;
  poolCpu: number;
  cli?: number;
};

/** xmllint over every file in one process; bash's `time` reports its own CPU seconds on stderr's last line. */
function runXmllint(xmllint: string, dir: string, names: string[]): { rate: number; cpuRate: number } {
  const started = performance.now();
  const run = spawnSync(
    'bash',
    ['-c', 'TIMEFORMAT="%3U %3S"; time "$0" --noout --nonet --schema "$@"', xmllint, xsd, ...names],
    { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  const stderr = run.stderr.toString();
  const ok = (stderr.match(/ validates$/gm) ?? []).length;
  if (ok !== names.length) throw new Error(`xmllint validated ${ok} of ${names.length}`);
  const [user, system] = (stderr.trimEnd().split('\n').at(-1) ?? '').split(' ').map(Number);
  return { rate: names.length / seconds, cpuRate: names.length / ((user ?? 0) + (system ?? 0)) };
}

/** The real command, start to end: Node, tsx, the workers' start-up and the printing included. */
function runVigilCli(dir: string, names: string[]): number {
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    [join(root, 'packages/cli/bin/vigil.js'), 'cap', 'validate', ...names],
    {
      cwd: dir,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const ok = (run.stdout.toString().match(/: OK /g) ?? []).length;
  if (run.status !== 0 || ok !== names.length)
    throw new Error(`vigil cap validate: ${ok} OK, exit ${run.status}`);
  return names.length / seconds;
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function benchCap(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-cap-'));
  try {
    const names = writeAlerts(dir);
    const paths = names.map((name) => join(dir, name));
    const xmllint = findXmllint();
    const workers = Math.max(2, cpus().length);
    const pool = new StandardsPool(workers, 120_000);
    const check = { strict: true, ipaws: false };
    const expectValid = (results: CapFileResult[]) => {
      const bad = results.find((r) => !('verdicts' in r) || !r.verdicts[0]?.valid);
      if (bad || results.length !== names.length) throw new Error(`not valid: ${JSON.stringify(bad)}`);
    };
    // Warm-up: compile the schema and let the JIT see the readers, here and in every worker.
    expectValid(readCapFiles(paths.slice(0, 2000), check).concat(readCapFiles(paths.slice(2000), check)));
    await validateCapFiles(paths, { ...check, pool }, () => undefined);
    const runs: CapRound[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const peer = xmllint ? runXmllint(xmllint, dir, names) : undefined;
      let started = performance.now();
      let cpu = process.cpuUsage();
      expectValid(readCapFiles(paths, check));
      const single = names.length / ((performance.now() - started) / 1000);
      const singleCpu = names.length / cpuSeconds(cpu);
      started = performance.now();
      cpu = process.cpuUsage();
      const results: CapFileResult[] = [];
      await validateCapFiles(paths, { ...check, pool }, (result) => results.push(result));
      expectValid(results);
      const poolRate = names.length / ((performance.now() - started) / 1000);
      const poolCpu = names.length / cpuSeconds(cpu);
      runs.push({
        ...(peer ? { peer: peer.rate, peerCpu: peer.cpuRate } : {}),
        single,
        singleCpu,
        pool: poolRate,
        poolCpu,
        ...(values['no-cli'] ? {} : { cli: runVigilCli(dir, names) }),
      });
    }
    await pool.close();
    const pick = (key: keyof CapRound) => runs.map((r) => r[key] ?? Number.NaN);
    const line = (label: string, v: number) =>
      `  ${label.padEnd(66)} ${Math.round(v).toLocaleString('en-US').padStart(9)} alerts/s`;
    console.log(
      `\nCAP 1.2 validation of ${names.length.toLocaleString('en-US')} alert files (${Math.round(names.reduce((a, n) => a + statSync(join(dir, n)).size, 0) / names.length)} bytes each on average), median of ${rounds}`,
    );
    if (xmllint) {
      // xmllint prints its version on stderr.
      const version =
        spawnSync(xmllint, ['--version'], { encoding: 'utf8' })
          .stderr.split('\n')[0]
          ?.replace(/^.*using /, '') ?? '';
      console.log(line(`xmllint --schema, one process (peer, ${version})`, median(pick('peer'))));
      console.log(line('  xmllint per CPU second', median(pick('peerCpu'))));
    } else {
      console.log(
        '  xmllint not found and not installable here: peer skipped (apt-get install libxml2-utils)',
      );
    }
    console.log(
      line(`Vigil, ${workers} worker threads (the engine of \`vigil cap validate\`)`, median(pick('pool'))),
    );
    console.log(line('  Vigil workers per CPU second (all threads)', median(pick('poolCpu'))));
    console.log(line('Vigil, 1 thread (read + full check per file)', median(pick('single'))));
    console.log(line('  Vigil 1 thread per CPU second', median(pick('singleCpu'))));
    if (!values['no-cli']) {
      console.log(
        line('`vigil cap validate <files>` whole process (Node + tsx start included)', median(pick('cli'))),
      );
    }
    if (xmllint) {
      // Paired ratios: each round's Vigil figure over the same round's xmllint figure, then the median.
      const paired = (key: keyof CapRound, peerKey: keyof CapRound = 'peer') =>
        median(runs.map((r) => (r[key] ?? Number.NaN) / (r[peerKey] ?? Number.NaN))).toFixed(2);
      console.log(
        `  ratio Vigil (${workers} threads) / xmllint:   ${paired('pool')}× (paired median; goal ≥ 1×)`,
      );
      console.log(`  ratio Vigil 1 thread / xmllint:   ${paired('single')}×`);
      console.log(`  ratio per CPU second, workers:    ${paired('poolCpu', 'peerCpu')}×`);
      console.log(`  ratio per CPU second, 1 thread:   ${paired('singleCpu', 'peerCpu')}×`);
      if (!values['no-cli']) console.log(`  ratio whole CLI process / xmllint: ${paired('cli')}×`);
      console.log(
        `  per round (xmllint | workers | 1 thread${values['no-cli'] ? '' : ' | CLI'}): ${runs.map((r) => [r.peer, r.pool, r.single, ...(values['no-cli'] ? [] : [r.cli])].map((v) => Math.round(v ?? 0)).join(' | ')).join('; ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function indicatorBundle(start: number, count: number): string {
  const labels = [tlp2MarkingIds.GREEN, tlp2MarkingIds.AMBER, tlp2MarkingIds.CLEAR];
  const objects = Array.from({ length: count }, (_, k) => {
    const i = start + k;
    const hex = i.toString(16).padStart(12, '0');
    return {
      type: 'indicator',
      spec_version: '2.1',
      id: `indicator--5d0092c5-5f74-4287-9642-${hex}`,
      created: '2026-09-01T00:00:00.000Z',
      modified: '2026-09-01T00:00:00.000Z',
      name: `C2 address ${i}`,
      indicator_types: ['malicious-activity'],
      pattern: `[ipv4-addr:value = '198.51.${(i >> 8) & 255}.${i & 255}']`,
      pattern_type: 'stix',
      valid_from: '2026-09-01T00:00:00Z',
      object_marking_refs: [labels[i % labels.length]],
    };
  });
  return JSON.stringify({
    type: 'bundle',
    id: `bundle--0d0092c5-5f74-4287-9642-${start.toString(16).padStart(12, '0')}`,
    objects,
  });
}

type StixTarget = {
  deps: Awaited<ReturnType<typeof openVigilDeps>>['deps'];
  viewer: Awaited<ReturnType<typeof viewerForUser>>;
  collection: Awaited<ReturnType<typeof collectionForCli>>;
  done(): Promise<void>;
};

/** A fresh SQLite file with one analyst and one collection. */
async function stixTarget(): Promise<StixTarget> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-stix-'));
  const { deps, close } = await openVigilDeps(
    loadConfig({ VIGIL_DATABASE_URL: `sqlite:${join(dir, 'vigil.db')}`, VIGIL_LOG_LEVEL: 'silent' }),
  );
  const agency = await addAgency(deps, null, { name: 'Virginia Fusion Center', kind: 'state' });
  const user = await addUser(deps, null, {
    email: 'analyst@bench.example',
    password: 'correct horse battery staple',
    agencyId: agency.id,
    roles: ['admin', 'analyst'],
  });
  const viewer = await viewerForUser(deps, user.id);
  const id = await createCollection(deps, viewer, {
    title: 'Bench CTI',
    description: '',
    defaultTlp: 'AMBER',
    access: [],
  });
  return {
    deps,
    viewer,
    collection: await collectionForCli(deps, viewer, id),
    async done() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function benchStix(): Promise<void> {
  const bundleSize = 2000;
  const bundles = Array.from({ length: Math.ceil(objectCount / bundleSize) }, (_, b) =>
    indicatorBundle(b * bundleSize, Math.min(bundleSize, objectCount - b * bundleSize)),
  );
  const total: number[] = [];
  const totalCpu: number[] = [];
  const storeOnly: number[] = [];
  const storeCpu: number[] = [];
  const pipelined: number[] = [];
  // Warm-up: Ajv compiles the indicator schema on first use, in this thread and in the pool's.
  checkStixBundle(bundles[0] as string);
  const pool = new StandardsPool(1, 60_000);
  await pool.run({ kind: 'stix', bytes: Buffer.from(bundles[0] as string) });
  const check = (verdict: StixBundleVerdict, status: { success_count: number }) => {
    if (!verdict.valid) throw new Error(JSON.stringify(verdict.objects.find((o) => !o.valid)?.errors));
    if (status.success_count !== verdict.objects.length) throw new Error('objects not stored');
  };
  for (let round = 0; round < rounds; round += 1) {
    // 1 thread: read, validate and store each bundle in turn.
    let target = await stixTarget();
    try {
      let storing = 0;
      let storingCpu = 0;
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (const bundle of bundles) {
        const verdict = checkStixBundle(bundle);
        const t = performance.now();
        const c = process.cpuUsage();
        check(verdict, await importStixBundle(target.deps, target.viewer, target.collection, verdict));
        storingCpu += cpuMs(c);
        storing += performance.now() - t;
      }
      totalCpu.push(objectCount / (cpuMs(cpu) / 1000));
      total.push(objectCount / ((performance.now() - started) / 1000));
      storeOnly.push(objectCount / (storing / 1000));
      storeCpu.push(objectCount / (storingCpu / 1000));
    } finally {
      await target.done();
    }
    // The server's path: the next bundle is read and validated in a worker thread while this one is stored.
    target = await stixTarget();
    try {
      const started = performance.now();
      const validate = (bundle: string) =>
        pool.run<StixBundleVerdict>({ kind: 'stix', bytes: Buffer.from(bundle) });
      let next = validate(bundles[0] as string);
      for (let b = 0; b < bundles.length; b += 1) {
        const verdict = await next;
        if (b + 1 < bundles.length) next = validate(bundles[b + 1] as string);
        check(verdict, await importStixBundle(target.deps, target.viewer, target.collection, verdict));
      }
      pipelined.push(objectCount / ((performance.now() - started) / 1000));
    } finally {
      await target.done();
    }
  }
  await pool.close();
  const line = (label: string, v: number) =>
    `  ${label.padEnd(70)} ${Math.round(v).toLocaleString('en-US').padStart(9)} objects/s`;
  console.log(
    `\nSTIX 2.1 import into SQLite, ${objectCount.toLocaleString('en-US')} indicators in bundles of ${bundleSize}, median of ${rounds}`,
  );
  console.log(line('validate (schemas + rules) and store, 1 thread', median(total)));
  console.log(line('  same, per CPU second of this process (load from others removed)', median(totalCpu)));
  console.log(line('validate in a worker thread, pipelined with the store (server path)', median(pipelined)));
  console.log(line('store only (markings, rows, journal), wall clock', median(storeOnly)));
  console.log(line('store only, per CPU second', median(storeCpu)));
  console.log(
    `  ratio to the goal of 20,000 objects/s: 1 thread ${(median(total) / 20_000).toFixed(2)}×, pipelined ${(median(pipelined) / 20_000).toFixed(2)}×`,
  );
}

console.log(`standards benchmark on ${cpus().length} CPU(s), Node ${process.version}`);
if (values.only !== 'stix') await benchCap();
if (values.only !== 'cap') await benchStix();
