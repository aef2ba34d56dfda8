/** The options of `npm run bench -- api`: usage text, the measurement keys `--only` accepts, parsing. */
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const usage = `usage: npm run bench -- api [options]

  --rounds N       runs of each measurement, medians taken over them (default 5, at least 3)
  --duration S     seconds per run (default 3)
  --warmup S       seconds of warm-up before the first run of each measurement (default 1)
  --connections N  autocannon connections for reads and the concurrent write run (default 10)
  --bulletins N    bulletins seeded before measuring (default 3000)
  --dir PATH       where the temporary databases go (default the OS temp dir); put it on
                   the disk you care about: both SQLite sides fsync there
  --no-json        do not write bench/results/api-<timestamp>.json
  --only KEYS      run only these measurements (comma-separated keys, as in the JSON
                   results), with their peers: e.g. --only vigil-read-one,vigil-write-n
  --cpu-prof       write a V8 CPU profile of the Vigil server process to bench/results/
                   (open it in Chrome DevTools or speedscope); slows the server a little
`;

export const measurementKeys = [
  'bare-read-one',
  'vigil-read-one',
  'bare-read-list',
  'vigil-read-list',
  'vigil-read-sensitive',
  'bare-sqlite-insert',
  'vigil-write-1',
  'vigil-write-n',
] as const;
export type MeasurementKey = (typeof measurementKeys)[number];

/** A bad command line: reported in one line, without a stack. */
export class UsageError extends Error {}

export type Options = {
  rounds: number;
  durationS: number;
  warmupS: number;
  connections: number;
  bulletins: number;
  dir: string;
  json: boolean;
  cpuProf: boolean;
  only: MeasurementKey[];
};

/** `parseArgs`, its errors (unknown option, missing value) turned into usage errors. */
const parseArgsOrThrow: typeof parseArgs = (config) => {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
};

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgsOrThrow({
    args: argv,
    options: {
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '10' },
      bulletins: { type: 'string', default: '3000' },
      dir: { type: 'string', default: tmpdir() },
      'no-json': { type: 'boolean', default: false },
      'cpu-prof': { type: 'boolean', default: false },
      only: { type: 'string', default: '' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  const number = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n < min)
      throw new UsageError(`--${name} must be a number ≥ ${min} (got ${text})`);
    return n;
  };
  return {
    rounds: Math.floor(number('rounds', values.rounds, 3)),
    durationS: number('duration', values.duration, 1),
    warmupS: number('warmup', values.warmup, 0),
    connections: Math.floor(number('connections', values.connections, 2)),
    bulletins: Math.floor(number('bulletins', values.bulletins, 100)),
    dir: resolve(values.dir),
    json: !values['no-json'],
    cpuProf: values['cpu-prof'],
    only: values.only
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== '')
      .map((key) => {
        const known = measurementKeys.find((k) => k === key);
        if (!known)
          throw new UsageError(`--only: no measurement "${key}" (known: ${measurementKeys.join(', ')})`);
        return known;
      }),
  };
}
