import { z } from 'zod';
import { markingInputSchema } from '../access/index.ts';
import { markingViewSchema } from '../bulletins/index.ts';

/** NIMS resource status as an EOC tracks it (ICS 211/219 status words, lower case). */
export const resourceStatuses = ['available', 'assigned', 'out-of-service', 'demobilized'] as const;
export type ResourceStatus = (typeof resourceStatuses)[number];

/** `out_of_service` and `Out of Service` mean the same status: partners' systems spell it several ways. */
export const resourceStatusSchema = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? value
          .trim()
          .toLowerCase()
          .replace(/[\s_]+/g, '-')
      : value,
  z.enum(resourceStatuses),
);

export const latitudeSchema = z.coerce.number().finite().min(-90).max(90);
export const longitudeSchema = z.coerce.number().finite().min(-180).max(180);

/** A catalog key (`ambulance-strike-team/type-1`) or a locally defined type; kept as the text given. */
export const resourceTypeKeySchema = z.string().trim().min(1).max(120);

export const resourceCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  resourceType: resourceTypeKeySchema,
  /** The owning agency: the caller's own, or one of its sub-agencies. Defaults to the caller's. */
  agencyId: z.string().min(1).max(64).optional(),
  lat: z.number().finite().min(-90).max(90),
  lon: z.number().finite().min(-180).max(180),
  status: resourceStatusSchema.default('available'),
  costRateUsdPerHour: z.number().finite().min(0).max(1_000_000).optional(),
  /** Who may see it: TLP:GREEN (the whole community, so partners can ask for it) unless said otherwise. */
  marking: markingInputSchema.optional(),
});
export type ResourceCreate = z.infer<typeof resourceCreateSchema>;

export const resourceUpdateSchema = z
  .strictObject({
    status: resourceStatusSchema.optional(),
    lat: z.number().finite().min(-90).max(90).optional(),
    lon: z.number().finite().min(-180).max(180).optional(),
  })
  .refine((value) => value.status !== undefined || value.lat !== undefined || value.lon !== undefined, {
    message: 'nothing to change: give status, lat or lon',
    path: ['status'],
  })
  .refine((value) => (value.lat === undefined) === (value.lon === undefined), {
    message: 'a position needs both lat and lon',
    path: ['lat'],
  });
export type ResourceUpdate = z.infer<typeof resourceUpdateSchema>;

export const nearestQuerySchema = z.strictObject({
  type: resourceTypeKeySchema,
  lat: latitudeSchema,
  lon: longitudeSchema,
  k: z.coerce.number().int().min(1).max(100).default(5),
  /** Include more capable types of the same definition (Type 1 may fill a Type 3 request). */
  substitutes: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
export type NearestQuery = z.infer<typeof nearestQuerySchema>;

export const nearestItemSchema = z.object({
  id: z.string(),
  distanceKm: z.number(),
  etaMinutes: z.number(),
  name: z.string(),
  resourceType: z.string(),
  agencyId: z.string(),
  lat: z.number(),
  lon: z.number(),
});
export type NearestItem = z.infer<typeof nearestItemSchema>;
export const nearestResultSchema = z.object({ items: z.array(nearestItemSchema) });

export const resourceListQuerySchema = z.strictObject({
  status: resourceStatusSchema.optional(),
  type: resourceTypeKeySchema.optional(),
  agencyId: z.string().min(1).max(64).optional(),
  incidentId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type ResourceListQuery = z.infer<typeof resourceListQuerySchema>;

export const resourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  resourceType: z.string(),
  typeLabel: z.string(),
  category: z.string().nullable(),
  kind: z.string().nullable(),
  agencyId: z.string(),
  status: z.enum(resourceStatuses),
  lat: z.number(),
  lon: z.number(),
  homeLat: z.number(),
  homeLon: z.number(),
  incidentId: z.string().nullable(),
  requestId: z.string().nullable(),
  costRateUsdPerHour: z.number(),
  marking: markingViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Resource = z.infer<typeof resourceSchema>;
export const resourceListSchema = z.object({ items: z.array(resourceSchema), total: z.number().int() });
export type ResourceList = z.infer<typeof resourceListSchema>;
