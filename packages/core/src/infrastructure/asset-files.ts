import { z } from 'zod';
import { DomainError } from '../errors/index.ts';
import { type Asset, assetFieldsSchema } from './asset.ts';
import { CsvSyntaxError, csvField, readCsvRows } from './csv-text.ts';
import { parseSector } from './sectors.ts';

/** Columns of the assets CSV, in the order exports write them. */
export const assetCsvColumns = [
  'id',
  'name',
  'sector',
  'subsector',
  'type',
  'lat',
  'lon',
  'county_fips',
  'operator',
  'capacity',
  'capacity_unit',
  'population_served',
  'backup_hours',
  'criticality',
  'source',
] as const;

export const assetImportLimits = { maxAssets: 20_000, maxGeoJsonDepth: 8 } as const;

export type ImportedAsset = z.infer<typeof assetFieldsSchema> & { id?: string };

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

function refuse(where: string, message: string): never {
  throw new DomainError('VALIDATION_FAILED', `${where}: ${message}`, { field: 'content' });
}

function toAsset(where: string, raw: Record<string, unknown>): ImportedAsset {
  const id = raw.id === undefined || raw.id === '' ? undefined : String(raw.id);
  if (id !== undefined && !idPattern.test(id))
    refuse(where, `id "${id}" must be letters, digits, . _ : - (up to 64)`);
  const sector = parseSector(String(raw.sector ?? ''));
  if (!sector) refuse(where, `unknown sector "${String(raw.sector ?? '')}"`);
  const { id: _id, ...fields } = raw;
  const parsed = assetFieldsSchema.safeParse({ ...fields, sector });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(where, `${issue?.path.join('.') ?? 'value'}: ${issue?.message ?? 'invalid'}`);
  }
  return { ...parsed.data, ...(id !== undefined ? { id } : {}) };
}

function numberOrUndefined(
  where: string,
  column: string,
  text: string | undefined,
): number | null | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()))
    refuse(where, `${column} "${text}" is not a number`);
  return Number(text);
}

/** Reads the assets CSV (header row naming the columns; name, sector, type, lat, lon required). */
export function parseAssetCsv(text: string): ImportedAsset[] {
  const assets: ImportedAsset[] = [];
  let header: string[] | null = null;
  try {
    for (const row of readCsvRows(text)) {
      if (!header) {
        header = row.fields.map((f) => f.trim().toLowerCase());
        for (const required of ['name', 'sector', 'type', 'lat', 'lon']) {
          if (!header.includes(required)) refuse(`line ${row.line}`, `missing column "${required}"`);
        }
        continue;
      }
      if (assets.length >= assetImportLimits.maxAssets)
        refuse(`line ${row.line}`, `more than ${assetImportLimits.maxAssets} assets`);
      const where = `line ${row.line}`;
      const get = (column: string) => {
        const at = (header as string[]).indexOf(column);
        return at < 0 ? undefined : row.fields[at]?.trim();
      };
      const raw: Record<string, unknown> = {
        id: get('id'),
        name: get('name'),
        sector: get('sector'),
        subsector: get('subsector'),
        type: get('type'),
        lat: numberOrUndefined(where, 'lat', get('lat')),
        lon: numberOrUndefined(where, 'lon', get('lon')),
        countyFips: get('county_fips') || null,
        operator: get('operator'),
        capacity: numberOrUndefined(where, 'capacity', get('capacity')) ?? null,
        capacityUnit: get('capacity_unit'),
        populationServed: numberOrUndefined(where, 'population_served', get('population_served')),
        backupHours: numberOrUndefined(where, 'backup_hours', get('backup_hours')),
        criticality: numberOrUndefined(where, 'criticality', get('criticality')),
        source: get('source'),
      };
      for (const key of Object.keys(raw)) if (raw[key] === undefined) delete raw[key];
      assets.push(toAsset(where, raw));
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) refuse(`line ${error.line}`, error.reason);
    throw error;
  }
  if (!header) refuse('line 1', 'empty file');
  return assets;
}

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit, depth + 1));
    if (deepest > limit) break;
  }
  return deepest;
}

const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number(), z.number()]).rest(z.number()),
  }),
  properties: z.record(z.string(), z.unknown()).nullable(),
  id: z.union([z.string(), z.number()]).optional(),
});

/** Reads a GeoJSON FeatureCollection of Points whose properties carry the asset fields (camelCase or CSV names). */
export function parseAssetGeoJson(text: string): ImportedAsset[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    refuse('document', 'not JSON');
  }
  if (depthOf(document, assetImportLimits.maxGeoJsonDepth) > assetImportLimits.maxGeoJsonDepth) {
    refuse('document', `nested deeper than ${assetImportLimits.maxGeoJsonDepth} levels`);
  }
  const collection = z
    .object({
      type: z.literal('FeatureCollection'),
      features: z.array(z.unknown()).max(assetImportLimits.maxAssets),
    })
    .safeParse(document);
  if (!collection.success)
    refuse('document', `a FeatureCollection of at most ${assetImportLimits.maxAssets} features`);
  return collection.data.features.map((raw, i) => {
    const where = `features[${i}]`;
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) refuse(where, 'a Feature with a Point geometry');
    const p = feature.data.properties ?? {};
    const pick = (...keys: string[]) =>
      keys.map((key) => p[key]).find((value) => value !== undefined && value !== null);
    const [lon, lat] = feature.data.geometry.coordinates;
    const fields: Record<string, unknown> = {
      id: pick('id') ?? feature.data.id,
      name: pick('name'),
      sector: pick('sector'),
      subsector: pick('subsector'),
      type: pick('type'),
      lon,
      lat,
      countyFips: pick('countyFips', 'county_fips') ?? null,
      operator: pick('operator'),
      capacity: pick('capacity') ?? null,
      capacityUnit: pick('capacityUnit', 'capacity_unit'),
      populationServed: pick('populationServed', 'population_served'),
      backupHours: pick('backupHours', 'backup_hours'),
      criticality: pick('criticality'),
      source: pick('source'),
    };
    for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
    return toAsset(where, fields);
  });
}

/** The assets CSV with a `tlp` column (the label each row was shared under); formulas neutralized. */
export function formatAssetCsv(assets: readonly Asset[]): string {
  const lines = [[...assetCsvColumns, 'tlp'].join(',')];
  for (const a of assets) {
    lines.push(
      [
        csvField(a.id),
        csvField(a.name),
        a.sector,
        csvField(a.subsector),
        csvField(a.type),
        a.lat,
        a.lon,
        a.countyFips ?? '',
        csvField(a.operator),
        a.capacity ?? '',
        csvField(a.capacityUnit),
        a.populationServed,
        a.backupHours,
        a.criticality,
        csvField(a.source),
        a.marking.label,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function formatAssetGeoJson(assets: readonly Asset[]) {
  return {
    type: 'FeatureCollection' as const,
    features: assets.map((a) => ({
      type: 'Feature' as const,
      id: a.id,
      geometry: { type: 'Point' as const, coordinates: [a.lon, a.lat] },
      properties: {
        id: a.id,
        name: a.name,
        sector: a.sector,
        subsector: a.subsector,
        type: a.type,
        countyFips: a.countyFips,
        operator: a.operator,
        capacity: a.capacity,
        capacityUnit: a.capacityUnit,
        populationServed: a.populationServed,
        backupHours: a.backupHours,
        criticality: a.criticality,
        source: a.source,
        tlp: a.marking.tlp,
      },
    })),
  };
}
