import { z } from 'zod';
import { markingInputSchema, tlpLabelSchema } from '../access/index.ts';
import { markingViewSchema } from '../bulletins/index.ts';
import { polygonRingsSchema } from './footprint.ts';
import { dependencyTypeSchema, sectorSchema } from './sectors.ts';

const fipsSchema = z.string().regex(/^\d{5}$/, 'a 5-digit county FIPS code');
const hours = z
  .number()
  .min(0)
  .max(24 * 365);

/** What a critical infrastructure asset is, as a planner enters it (and as the import reads it). */
export const assetFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  sector: sectorSchema,
  subsector: z.string().trim().max(100).default(''),
  /** What kind of asset within the sector: hospital, substation, power plant, dam, fire/EMS station … */
  type: z.string().trim().min(1).max(60),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** The operator as the source names it (often a private company); the owning agency is in the marking. */
  operator: z.string().trim().max(200).default(''),
  capacity: z.number().min(0).nullable().default(null),
  capacityUnit: z.string().trim().max(20).default(''),
  populationServed: z.number().min(0).max(1e9).default(0),
  /** How long a backup (generator fuel, storage) carries the asset through a loss of supply. */
  backupHours: hours.default(0),
  /** 1 (low) to 5 (highest), the planner's judgement. */
  criticality: z.number().int().min(1).max(5).default(3),
  countyFips: fipsSchema.nullable().default(null),
  /** Where the record came from (e.g. `HIFLD Hospitals 2020`). */
  source: z.string().trim().max(200).default(''),
});

export const assetCreateSchema = assetFieldsSchema.extend({
  /** An external id (e.g. `hifld-hospital-196784461`); generated when absent. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'letters, digits, . _ : - (up to 64)')
    .optional(),
  marking: markingInputSchema,
});
export type AssetCreate = z.infer<typeof assetCreateSchema>;

export const assetUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    subsector: z.string().trim().max(100).optional(),
    operator: z.string().trim().max(200).optional(),
    capacity: z.number().min(0).nullable().optional(),
    populationServed: z.number().min(0).max(1e9).optional(),
    backupHours: hours.optional(),
    criticality: z.number().int().min(1).max(5).optional(),
    marking: markingInputSchema.optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((value) => Object.keys(value).some((key) => key !== 'version'), {
    message: 'nothing to change',
    path: ['name'],
  });
export type AssetUpdate = z.infer<typeof assetUpdateSchema>;

export const assetSchema = assetFieldsSchema.extend({
  id: z.string(),
  marking: markingViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetListQuerySchema = z.strictObject({
  sector: sectorSchema.optional(),
  countyFips: fipsSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type AssetListQuery = z.infer<typeof assetListQuerySchema>;

export const assetListSchema = z.object({
  items: z.array(assetSchema),
  total: z.number().int(),
  marking: tlpLabelSchema,
});
export type AssetList = z.infer<typeof assetListSchema>;

export const edgeCreateSchema = z.strictObject({
  supplierId: z.string().min(1).max(64),
  dependentId: z.string().min(1).max(64),
  type: dependencyTypeSchema,
  /** Sets k for the whole requirement (this dependent, this type): every edge of it shares one k. */
  k: z.number().int().min(1).max(1000).default(1),
});
export type EdgeCreate = z.infer<typeof edgeCreateSchema>;

export const edgeUpdateSchema = z.strictObject({ k: z.number().int().min(1).max(1000) });
export type EdgeUpdate = z.infer<typeof edgeUpdateSchema>;

export const edgeSchema = z.object({
  id: z.string(),
  supplierId: z.string(),
  dependentId: z.string(),
  type: dependencyTypeSchema,
  k: z.number().int(),
  createdAt: z.string(),
});
export type Edge = z.infer<typeof edgeSchema>;

export const edgeListQuerySchema = z.strictObject({
  assetId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50_000).default(1000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type EdgeListQuery = z.infer<typeof edgeListQuerySchema>;

export const edgeListSchema = z.object({ items: z.array(edgeSchema), total: z.number().int() });
export type EdgeList = z.infer<typeof edgeListSchema>;

const horizonSchema = z
  .number()
  .min(0)
  .max(24 * 365 * 10);

export const cascadeRequestSchema = z
  .strictObject({
    assetIds: z.array(z.string().min(1).max(64)).max(10_000).default([]),
    footprint: z
      .strictObject({
        polygon: polygonRingsSchema.optional(),
        countyFips: z.array(fipsSchema).max(200).optional(),
      })
      .optional(),
    /** Hours to simulate; absent: every failure that ever happens. */
    horizonHours: horizonSchema.optional(),
  })
  .refine(
    (value) => value.assetIds.length > 0 || value.footprint?.polygon || value.footprint?.countyFips?.length,
    {
      message: 'name assets that fail, or a footprint (polygon or counties)',
      path: ['assetIds'],
    },
  );
export type CascadeRequest = z.infer<typeof cascadeRequestSchema>;

const bySectorSchema = z.record(z.string(), z.number().int());

export const cascadeResponseSchema = z.object({
  horizonHours: z.number().nullable(),
  initialAssetIds: z.array(z.string()),
  failures: z.array(
    z.object({
      assetId: z.string(),
      name: z.string(),
      sector: sectorSchema,
      lon: z.number(),
      lat: z.number(),
      failedAtHours: z.number(),
      causeAssetId: z.string().nullable(),
      causeType: dependencyTypeSchema.nullable(),
    }),
  ),
  populationAffected: z.number(),
  failedBySector: bySectorSchema,
  /** The most restrictive label among the assets the answer names. */
  marking: tlpLabelSchema,
});
export type CascadeResponse = z.infer<typeof cascadeResponseSchema>;

export const rankingQuerySchema = z.strictObject({
  horizonHours: z.coerce
    .number()
    .min(0)
    .max(24 * 365 * 10)
    .optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(50),
});
export type RankingQuery = z.infer<typeof rankingQuerySchema>;

export const rankingSchema = z.object({
  method: z.enum(['dominator-tree', 'pruned-cascades']),
  horizonHours: z.number().nullable(),
  assetCount: z.number().int(),
  items: z.array(
    z.object({
      rank: z.number().int(),
      assetId: z.string(),
      name: z.string(),
      sector: sectorSchema,
      lon: z.number(),
      lat: z.number(),
      impactPopulation: z.number(),
      impactAssets: z.number().int(),
      impactBySector: bySectorSchema,
    }),
  ),
  marking: tlpLabelSchema,
});
export type Ranking = z.infer<typeof rankingSchema>;

export const importFormats = ['csv', 'geojson'] as const;
export const assetImportSchema = z.strictObject({
  format: z.enum(importFormats),
  /** The file's text: the assets CSV (columns in docs/modules/infrastructure.md) or a GeoJSON FeatureCollection. */
  content: z.string().min(1).max(900_000),
  marking: markingInputSchema,
});
export type AssetImport = z.infer<typeof assetImportSchema>;
