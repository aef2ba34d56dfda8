/**
 * API throughput: authenticated, access-filtered, journaled bulletin reads and writes against bare fastify and bare SQLite.
 *
 * Vigil and the bare fastify peer each run in a server process of their own (forked, so
 * they get one core each while autocannon drives them from this process); the SQLite
 * peer runs in this process while the servers idle. Every measurement runs `--rounds`
 * times, interleaved with its peer, and the medians are compared. See bench/README.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MeasurementKey, type Options, parseOptions, UsageError, usage } from './lib/api-options.ts';
import { startChild } from './lib/child.ts';
import { type HttpLoad, median, openSqlitePeer, runHttp, type Sample, summarize } from './lib/measure.ts';
import type { BareInit, BareReady, VerifyReply, VigilInit, VigilReady } from './lib/protocol.ts';
import { formatTable, type Row } from './lib/report.ts';
import { bulletinText, random } from './lib/text.ts';

/** One measurement: how to run it once, and what it is compared with. */
type Spec = {
  key: MeasurementKey;
  label: string;
  concurrency: number;
  unit: Row['unit'];
  run(durationS: number): Promise<Sample>;
  peer?: MeasurementKey;
  goal?: number;
};

const resultsDir = new URL('./results/', import.meta.url);

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The measurements `--only` asks for, with the peers they are divided by. */
function selected(specs: readonly Spec[], only: readonly MeasurementKey[]): Spec[] {
  if (only.length === 0) return [...specs];
  const keep = new Set<MeasurementKey>(only);
  for (const spec of specs) if (keep.has(spec.key) && spec.peer) keep.add(spec.peer);
  return specs.filter((spec) => keep.has(spec.key));
}

/** Warms each measurement up once, then runs the list `rounds` times in order: peers sit next to their subjects in time. */
async function runPhase(
  name: string,
  specs: readonly Spec[],
  options: Options,
): Promise<Map<string, Sample[]>> {
  const samples = new Map<string, Sample[]>(specs.map((spec) => [spec.key, []]));
  if (specs.length === 0) return samples;
  if (options.warmupS > 0) {
    log(`${name}: warming up`);
    for (const spec of specs) await spec.run(options.warmupS);
  }
  for (let round = 1; round <= options.rounds; round++) {
    for (const spec of specs) {
      const sample = await spec.run(options.durationS);
      samples.get(spec.key)?.push(sample);
      const failed = sample.failed ? `  (${sample.failed} FAILED)` : '';
      const what = `${spec.key}  ${spec.label}`.padEnd(62);
      const rate = Math.round(sample.opsPerSec).toString().padStart(7);
      log(`${name} ${round}/${options.rounds}  ${what} ${rate} ${spec.unit}${failed}`);
    }
  }
  return samples;
}

/**
 * The ratio is paired: each round's run is divided by its peer's run of the same round
 * (seconds apart, under the same machine load), and the median of those quotients is
 * taken. The ratio of the two medians is kept beside it in the JSON.
 */
function toRows(specs: readonly Spec[], samples: Map<string, Sample[]>): Row[] {
  const runsOf = (key: string) => samples.get(key) ?? [];
  return specs.map((spec) => {
    const runs = runsOf(spec.key);
    const summary = summarize(runs);
    const peerRuns = spec.peer ? runsOf(spec.peer) : [];
    const quotients = runs.flatMap((run, i) => {
      const peer = peerRuns[i];
      return peer && peer.opsPerSec > 0 ? [run.opsPerSec / peer.opsPerSec] : [];
    });
    const ratio = median(quotients);
    const peerMedian = peerRuns.length ? summarize(peerRuns).opsPerSec : 0;
    const goal = spec.goal ?? null;
    return {
      key: spec.key,
      label: spec.label,
      concurrency: spec.concurrency,
      unit: spec.unit,
      runs,
      median: summary,
      peer: spec.peer ?? null,
      ratio,
      ratioRuns: quotients,
      ratioOfMedians: peerMedian > 0 ? summary.opsPerSec / peerMedian : null,
      goal,
      met: goal === null || ratio === null ? null : ratio >= goal && summary.failed === 0,
    };
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  mkdirSync(options.dir, { recursive: true });
  const work = mkdtempSync(join(options.dir, 'vigil-bench-'));
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  // Interrupted: the server processes see their IPC channel close and stop themselves
  // (Ctrl-C also reaches them directly); the databases must not stay behind.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removeWork();
      process.exit(code);
    });
  }
  const cleanups: (() => Promise<void> | void)[] = [removeWork];
  try {
    log(`seeding Vigil with ${options.bulletins} bulletins in ${work} …`);
    const vigilInit: VigilInit = { type: 'init', dir: work, bulletins: options.bulletins };
    const profileDir = fileURLToPath(resultsDir);
    const vigil = await startChild<VigilReady>(
      new URL('./lib/vigil-server.ts', import.meta.url),
      vigilInit,
      options.cpuProf
        ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=api-${stamp}-vigil.cpuprofile`]
        : [],
    );
    cleanups.unshift(() => vigil.stop());
    const v = vigil.ready;
    log(
      `seeded ${v.seeded.bulletins} bulletins in ${(v.seeded.ms / 1000).toFixed(1)} s; ` +
        `the reader sees ${v.seeded.visibleToReader} of them`,
    );
    const base = `http://127.0.0.1:${v.port}`;
    const reader = { authorization: `Bearer ${v.readerToken}` };
    const listPath = '/api/v1/bulletins?limit=20';
    const readPaths = v.readIds.map((id) => `/api/v1/bulletins/${id}`);
    const sensitivePaths = v.sensitiveIds.map((id) => `/api/v1/bulletins/${id}`);
    if (readPaths.length === 0 || sensitivePaths.length === 0)
      throw new Error('the seed left nothing to read');

    // The bare peer answers with the very bodies Vigil gives, so both sides serialize the same bytes.
    const fetchJson = async (path: string) => {
      const response = await fetch(base + path, { headers: reader });
      if (response.status !== 200)
        throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      return response.text();
    };
    const oneJson = await fetchJson(readPaths[0] as string);
    const listJson = await fetchJson(listPath);
    const bareInit: BareInit = { type: 'init', routes: { '/x': oneJson, '/list': listJson } };
    const bare = await startChild<BareReady>(new URL('./lib/bare-server.ts', import.meta.url), bareInit);
    cleanups.unshift(() => bare.stop());
    const bareBase = `http://127.0.0.1:${bare.ready.port}`;

    const c = options.connections;
    const http = (load: Omit<HttpLoad, 'durationS'>) => (durationS: number) =>
      runHttp({ ...load, durationS });
    const readSpecs: Spec[] = [
      {
        key: 'bare-read-one',
        label: 'bare fastify GET /x (one bulletin)',
        concurrency: c,
        unit: 'req/s',
        run: http({ url: `${bareBase}/x`, connections: c }),
      },
      {
        key: 'vigil-read-one',
        label: 'GET /api/v1/bulletins/:id',
        concurrency: c,
        unit: 'req/s',
        run: http({ url: base, connections: c, headers: reader, paths: readPaths }),
        peer: 'bare-read-one',
        goal: 0.5,
      },
      {
        key: 'bare-read-list',
        label: 'bare fastify GET /list (20 bulletins)',
        concurrency: c,
        unit: 'req/s',
        run: http({ url: `${bareBase}/list`, connections: c }),
      },
      {
        key: 'vigil-read-list',
        label: 'GET /api/v1/bulletins?limit=20',
        concurrency: c,
        unit: 'req/s',
        run: http({ url: base + listPath, connections: c, headers: reader }),
        peer: 'bare-read-list',
        goal: 0.5,
      },
      {
        key: 'vigil-read-sensitive',
        label: 'GET /api/v1/bulletins/:id, LES (journaled)',
        concurrency: c,
        unit: 'req/s',
        run: http({
          url: base,
          connections: c,
          headers: { authorization: `Bearer ${v.sensitiveReaderToken}` },
          paths: sensitivePaths,
        }),
        peer: 'bare-read-one',
      },
    ];

    const text = bulletinText(random(7), 0);
    const writeBody = JSON.stringify({
      ...text,
      marking: { tlp: 'AMBER', shareWith: [v.shareWithAgencyId] },
    });
    const sqlite = openSqlitePeer(work, text);
    cleanups.unshift(() => sqlite.close());
    const write = (connections: number) =>
      http({
        url: `${base}/api/v1/bulletins`,
        connections,
        method: 'POST',
        headers: { authorization: `Bearer ${v.writerToken}`, 'content-type': 'application/json' },
        body: writeBody,
      });
    const writeSpecs: Spec[] = [
      {
        key: 'bare-sqlite-insert',
        label: 'SQLite insert, WAL+FULL, 1 row/txn',
        concurrency: 1,
        unit: 'ops/s',
        run: async (durationS) => sqlite.run(durationS),
      },
      {
        key: 'vigil-write-1',
        label: 'POST /api/v1/bulletins',
        concurrency: 1,
        unit: 'req/s',
        run: write(1),
        peer: 'bare-sqlite-insert',
      },
      {
        key: 'vigil-write-n',
        label: 'POST /api/v1/bulletins',
        concurrency: c,
        unit: 'req/s',
        run: write(c),
        peer: 'bare-sqlite-insert',
        goal: 0.5,
      },
    ];
    const reads = selected(readSpecs, options.only);
    const readSamples = await runPhase('reads', reads, options);

    const writes = selected(writeSpecs, options.only);
    const writeSamples = await runPhase('writes', writes, options);

    log('verifying the journal chain after the writes …');
    const verdict = await vigil.ask<VerifyReply>({ type: 'verify' }, 'verified');

    const rows = [...toRows(reads, readSamples), ...toRows(writes, writeSamples)];
    const finished = new Date();
    const cpu = cpus();
    const machine = {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    };
    process.stdout.write(
      [
        '',
        `Vigil API benchmark — ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, ` +
          `${options.rounds} runs × ${options.durationS} s each (medians), ${c} connections for reads`,
        `seed: ${v.seeded.bulletins} bulletins of mixed markings; reader (Agency B) sees ${v.seeded.visibleToReader}; ` +
          `databases under ${options.dir}`,
        '',
        formatTable(rows),
        '',
        writes.length
          ? `write goal compared at ${c} connections (server saturated, still one SQLite transaction ` +
            'per write); the 1-connection row is latency-bound and shown for information.'
          : 'writes not measured (--only).',
        `journal after the run: ${verdict.entries} entries, chain ${verdict.ok ? 'intact' : 'BROKEN'}; ` +
          `${verdict.bulletins} bulletins stored.`,
        `total time ${((finished.getTime() - started.getTime()) / 1000).toFixed(0)} s`,
        '',
      ].join('\n'),
    );
    if (options.json) {
      const dir = fileURLToPath(resultsDir);
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `api-${stamp}.json`);
      const result = {
        benchmark: 'api',
        startedAt: started.toISOString(),
        finishedAt: finished.toISOString(),
        machine,
        options,
        seed: v.seeded,
        journal: verdict,
        rows,
      };
      writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      log(`results written to ${file}`);
    }
    if (rows.some((row) => row.median.failed > 0) || !verdict.ok) process.exitCode = 1;
  } finally {
    for (const cleanup of cleanups) {
      try {
        await cleanup();
      } catch (error) {
        log(`cleanup: ${String(error)}`);
      }
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${usage}`);
  else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
