import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  csvField,
  csvLimits,
  findCascadingFailures,
  GraphFileError,
  orderByImpact,
  rankSinglePointsOfFailure,
  readGraphFiles,
} from '@vigil/core/infrastructure';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { splitList } from '../split-list.ts';

type GraphOptions = { nodes: string; edges: string };

/** Reads a file from outside with the size limit the CSV reader enforces, naming the flag on failure. */
function readText(path: string, flag: string): string {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`${flag}: cannot read ${path}`);
  }
  if (size > csvLimits.maxBytes)
    throw new CliError(`${flag}: ${path} is larger than ${csvLimits.maxBytes} bytes`);
  return readFileSync(path, 'utf8');
}

function loadGraph(options: GraphOptions) {
  const nodes = { text: readText(options.nodes, '--nodes'), file: basename(options.nodes) };
  const edges = { text: readText(options.edges, '--edges'), file: basename(options.edges) };
  try {
    return readGraphFiles(nodes, edges).assetGraph;
  } catch (error) {
    // `nodes.csv:12: duplicate id "S1" (first on line 3)`: file, line and reason.
    if (error instanceof GraphFileError) throw new CliError(error.message);
    throw error;
  }
}

function parseHorizon(value: string | undefined): number {
  if (value === undefined) return Number.POSITIVE_INFINITY;
  const hours = Number(value);
  if (value.trim() === '' || !Number.isFinite(hours) || hours < 0) {
    throw new CliError(`--horizon: "${value}" is not a number of hours ≥ 0`);
  }
  return hours;
}

/** Hours and populations print as plain decimals: 48, 0.5, 12000. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

export function registerInfra(program: Command): void {
  const infra = program
    .command('infra')
    .description(
      'critical infrastructure analyses on dependency graphs in CSV (formats: docs/modules/infrastructure.md)',
    );

  infra
    .command('cascade')
    .description(
      'assets that fail when the given ones fail, and when: CSV id,failed_at_hours in failure order',
    )
    .requiredOption('--nodes <csv>', 'assets: id,sector,type,lat,lon,population_served,backup_hours')
    .requiredOption('--edges <csv>', 'dependencies: supplier,dependent,type,k')
    .requiredOption('--fail <ids>', 'asset ids that fail at hour 0, comma-separated')
    .option('--horizon <hours>', 'simulate this many hours (default: until nothing more fails)')
    .action((options: GraphOptions & { fail: string; horizon?: string }) => {
      const horizon = parseHorizon(options.horizon);
      const ids = splitList(options.fail);
      if (ids.length === 0) throw new CliError('--fail: name at least one asset id');
      const { graph, ids: names, indexOf } = loadGraph(options);
      const initial = ids.map((id) => {
        const index = indexOf.get(id);
        if (index === undefined) throw new CliError(`--fail: unknown asset id "${id}"`);
        return index;
      });
      const result = findCascadingFailures(graph, initial, horizon);
      const lines = ['id,failed_at_hours'];
      for (let i = 0; i < result.failed.length; i++) {
        lines.push(
          `${csvField(names[result.failed[i] as number] as string)},${formatNumber(result.failedAtHours[i] as number)}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  infra
    .command('rank')
    .description('single points of failure, largest impact first: CSV id,impact_population,impact_assets')
    .requiredOption('--nodes <csv>', 'assets: id,sector,type,lat,lon,population_served,backup_hours')
    .requiredOption('--edges <csv>', 'dependencies: supplier,dependent,type,k')
    .option('--top <n>', 'print only the first n (default: every asset)')
    .option('--horizon <hours>', 'count failures within this many hours (default: every failure)')
    .action((options: GraphOptions & { top?: string; horizon?: string }) => {
      const horizon = parseHorizon(options.horizon);
      let top: number | undefined;
      if (options.top !== undefined) {
        top = Number(options.top);
        if (!/^\d+$/.test(options.top) || top < 1)
          throw new CliError(`--top: "${options.top}" is not a whole number ≥ 1`);
      }
      const { graph, ids } = loadGraph(options);
      const bar = new SingleBar({ format: 'ranking [{bar}] {value}/{total} assets', stream: process.stderr });
      let started = false;
      const impacts = rankSinglePointsOfFailure(graph, horizon, (done, total) => {
        if (total < 50_000) return;
        if (!started) bar.start(total, 0);
        started = true;
        bar.update(done);
      });
      bar.stop();
      const order = orderByImpact(impacts, top);
      const lines = ['id,impact_population,impact_assets'];
      for (const v of order) {
        lines.push(
          `${csvField(ids[v] as string)},${formatNumber(impacts.population[v] as number)},${impacts.assets[v]}`,
        );
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
