import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  csvField,
  type DispatchEntry,
  DispatchIndex,
  defaultCsvLimits,
  estimateArrivalMinutes,
  isDomainError,
  nearestQuerySchema,
  parseCsv,
  resourceStatusSchema,
  substitutableTypes,
} from '@vigil/core';
import type { Command } from 'commander';
import { CliError, parseWith } from '../cli-error.ts';

const required = ['id', 'resource_type', 'lat', 'lon', 'status'] as const;

/** Reads an inventory CSV from outside (size, row and field limits), naming file, line and column on a bad value. */
function readInventory(path: string): DispatchEntry[] {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CliError(`--inventory: cannot read ${path}`);
  }
  if (size > defaultCsvLimits.maxBytes)
    throw new CliError(`--inventory: ${path} is larger than ${defaultCsvLimits.maxBytes} bytes`);
  const file = basename(path);
  let table: ReturnType<typeof parseCsv>;
  try {
    table = parseCsv(readFileSync(path, 'utf8'), { maxRows: 2_000_000 });
  } catch (error) {
    if (isDomainError(error)) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
  const column = Object.fromEntries(required.map((name) => [name, table.header.indexOf(name)])) as Record<
    (typeof required)[number],
    number
  >;
  const missing = required.find((name) => column[name] < 0);
  if (missing) throw new CliError(`${file}: no column ${missing} (needs ${required.join(',')})`);
  return table.rows.map((row, i) => {
    const line = table.lines[i];
    const value = (name: (typeof required)[number]) => row[column[name]] ?? '';
    const number = (name: 'lat' | 'lon', min: number, max: number) => {
      const parsed = Number(value(name));
      if (value(name).trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
        throw new CliError(`${file}:${line}: ${name} "${value(name)}" is not a number in ${min}..${max}`);
      }
      return parsed;
    };
    const status = resourceStatusSchema.safeParse(value('status'));
    if (!status.success)
      throw new CliError(
        `${file}:${line}: status "${value('status')}" is not available, assigned, out-of-service or demobilized`,
      );
    if (!value('id') || !value('resource_type'))
      throw new CliError(`${file}:${line}: id and resource_type must not be empty`);
    return {
      id: value('id'),
      resourceType: value('resource_type'),
      lat: number('lat', -90, 90),
      lon: number('lon', -180, 180),
      available: status.data === 'available',
      group: 0,
    };
  });
}

export function registerResources(program: Command): void {
  const resources = program
    .command('resources')
    .description('NIMS-typed resources: offline dispatch analyses on an inventory CSV');
  resources
    .command('nearest')
    .description(
      'the k nearest available resources of a type: CSV id,resource_type,distance_km,eta_minutes, nearest first',
    )
    .requiredOption(
      '--inventory <csv>',
      'resources: id,resource_type,lat,lon,status (more columns are ignored)',
    )
    .requiredOption('--type <key>', 'resource type, e.g. ambulance-strike-team/type-1')
    .requiredOption('--lat <degrees>', 'latitude of the incident or reporting location')
    .requiredOption('--lon <degrees>', 'longitude')
    .option('--k <n>', 'how many (1–100, default 5)')
    .option('--substitutes', 'include more capable types of the same definition')
    .action(
      (options: {
        inventory: string;
        type: string;
        lat: string;
        lon: string;
        k?: string;
        substitutes?: boolean;
      }) => {
        const query = parseWith(nearestQuerySchema, {
          type: options.type,
          lat: options.lat,
          lon: options.lon,
          ...(options.k !== undefined ? { k: options.k } : {}),
          substitutes: options.substitutes ? 'true' : 'false',
        });
        const index = new DispatchIndex();
        index.load(readInventory(options.inventory));
        const hits = index.nearest({
          types: query.substitutes ? substitutableTypes(query.type) : [query.type],
          lon: query.lon,
          lat: query.lat,
          k: query.k,
        });
        const lines = ['id,resource_type,distance_km,eta_minutes'];
        for (const hit of hits) {
          lines.push(
            `${csvField(hit.id)},${csvField(hit.resourceType)},${hit.distanceKm.toFixed(3)},${estimateArrivalMinutes(hit.resourceType, hit.distanceKm)}`,
          );
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      },
    );
}
