import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SqliteDatabase from 'better-sqlite3';

/** One timed run of one measurement. Latencies in milliseconds; null where not applicable. */
export type Sample = {
  opsPerSec: number;
  p50Ms: number | null;
  p99Ms: number | null;
  ok: number;
  /** Non-2xx answers, connection errors and timeouts: any of them makes the run suspect. */
  failed: number;
  durationS: number;
};

export type HttpLoad = {
  url: string;
  connections: number;
  durationS: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Paths to cycle through, one per request (across all connections). */
  paths?: readonly string[];
};

/**
 * One autocannon run; throughput counts 2xx answers only, over the measured duration.
 * Latencies come from autocannon's per-response timings (fractions of a millisecond),
 * not from its histogram, which rounds to whole milliseconds.
 */
export function runHttp(load: HttpLoad): Promise<Sample> {
  const { paths } = load;
  let turn = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: load.url,
        connections: load.connections,
        duration: load.durationS,
        pipelining: 1,
        method: load.method ?? 'GET',
        headers: load.headers ?? {},
        ...(load.body !== undefined ? { body: load.body } : {}),
        ...(paths?.length
          ? {
              requests: [
                {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    path: paths[turn++ % paths.length] as string,
                  }),
                },
              ],
            }
          : {}),
      },
      (error, result) => {
        if (error) {
          reject(error);
          return;
        }
        latencies.sort((x, y) => x - y);
        resolve({
          opsPerSec: result['2xx'] / result.duration,
          p50Ms: percentile(latencies, 0.5),
          p99Ms: percentile(latencies, 0.99),
          ok: result['2xx'],
          failed: result.non2xx + result.errors + result.timeouts,
          durationS: result.duration,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(ms);
    });
  });
}

export type SqlitePeer = {
  /** Inserts one row per autocommit transaction for `durationS` seconds. */
  run(durationS: number): Sample;
  close(): void;
};

/**
 * The write peer: better-sqlite3 on a file in `dir`, WAL and synchronous=FULL like Vigil,
 * one prepared INSERT per autocommit transaction (so one WAL fsync per row), in a loop.
 * The table keeps growing across runs, as Vigil's does.
 */
export function openSqlitePeer(dir: string, row: { title: string; body: string }): SqlitePeer {
  const db = new SqliteDatabase(join(dir, 'peer.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const mode = String(db.pragma('journal_mode', { simple: true }));
  const sync = Number(db.pragma('synchronous', { simple: true }));
  if (mode !== 'wal' || sync !== 2) throw new Error(`peer SQLite runs ${mode}/${sync}, not wal/FULL`);
  db.exec(`create table rows (
    id text primary key, title text not null, body text not null, created_at text not null)`);
  const insert = db.prepare('insert into rows (id, title, body, created_at) values (?, ?, ?, ?)');
  return {
    run(durationS) {
      const latencies: number[] = [];
      const started = performance.now();
      const end = started + durationS * 1000;
      let now = started;
      while (now < end) {
        const before = now;
        insert.run(randomUUID(), row.title, row.body, new Date().toISOString());
        now = performance.now();
        latencies.push(now - before);
      }
      const seconds = (now - started) / 1000;
      latencies.sort((x, y) => x - y);
      return {
        opsPerSec: latencies.length / seconds,
        p50Ms: percentile(latencies, 0.5),
        p99Ms: percentile(latencies, 0.99),
        ok: latencies.length,
        failed: 0,
        durationS: seconds,
      };
    },
    close: () => db.close(),
  };
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[index] ?? null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** Median of each field over the runs (each field separately, as is usual for benchmark summaries). */
export function summarize(samples: readonly Sample[]): Sample {
  const of = (pick: (s: Sample) => number | null) =>
    median(samples.map(pick).filter((v): v is number => v !== null));
  return {
    opsPerSec: of((s) => s.opsPerSec) ?? 0,
    p50Ms: of((s) => s.p50Ms),
    p99Ms: of((s) => s.p99Ms),
    ok: samples.reduce((sum, s) => sum + s.ok, 0),
    failed: samples.reduce((sum, s) => sum + s.failed, 0),
    durationS: samples.reduce((sum, s) => sum + s.durationS, 0),
  };
}
