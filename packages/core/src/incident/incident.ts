import { z } from 'zod';
import { markingInputSchema } from '../access/index.ts';
import { markingViewSchema } from '../bulletins/index.ts';

/** All-hazards: the four families the National Preparedness Goal plans for. */
export const incidentCategories = ['natural', 'technological', 'human-caused', 'cyber'] as const;
export type IncidentCategory = (typeof incidentCategories)[number];

export const incidentStatuses = ['reported', 'active', 'contained', 'demobilizing', 'closed'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

export const incidentSeverities = ['minor', 'moderate', 'major', 'catastrophic'] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];

const fipsSchema = z.string().regex(/^\d{2}(\d{3})?$/, 'a 2-digit state or 5-digit county FIPS code');

/** A GeoJSON Polygon for the incident area, small enough for a form and a map layer. */
export const incidentAreaSchema = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z
    .array(
      z
        .array(z.tuple([z.number().finite().min(-180).max(180), z.number().finite().min(-90).max(90)]))
        .min(4)
        .max(2000),
    )
    .min(1)
    .max(20),
});
export type IncidentArea = z.infer<typeof incidentAreaSchema>;

export const incidentCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  category: z.enum(incidentCategories),
  /** The hazard in the NRI's or the agency's words: hurricane, riverine flooding, ransomware … */
  hazard: z.string().trim().min(1).max(100),
  description: z.string().trim().max(10_000).default(''),
  severity: z.enum(incidentSeverities).default('moderate'),
  /** ICS 209 block 10: Incident Complexity Level, Type 1 (most complex) to 5. */
  complexity: z.number().int().min(1).max(5).default(3),
  lat: z.number().finite().min(-90).max(90),
  lon: z.number().finite().min(-180).max(180),
  area: incidentAreaSchema.optional(),
  jurisdictions: z.array(fipsSchema).max(200).default([]),
  startedAt: z.iso.datetime({ offset: true }).optional(),
  marking: markingInputSchema,
});
export type IncidentCreate = z.infer<typeof incidentCreateSchema>;

export const incidentUpdateSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(10_000).optional(),
    severity: z.enum(incidentSeverities).optional(),
    complexity: z.number().int().min(1).max(5).optional(),
    lat: z.number().finite().min(-90).max(90).optional(),
    lon: z.number().finite().min(-180).max(180).optional(),
    area: incidentAreaSchema.nullable().optional(),
    jurisdictions: z.array(fipsSchema).max(200).optional(),
    marking: markingInputSchema.optional(),
    version: z.number().int().positive().optional(),
  })
  .refine((value) => Object.keys(value).some((key) => key !== 'version'), {
    message: 'nothing to change',
    path: ['name'],
  })
  .refine((value) => (value.lat === undefined) === (value.lon === undefined), {
    message: 'a position needs both lat and lon',
    path: ['lat'],
  });
export type IncidentUpdate = z.infer<typeof incidentUpdateSchema>;

export const incidentTransitionSchema = z.strictObject({
  status: z.enum(incidentStatuses),
  note: z.string().trim().max(2000).optional(),
});

export const incidentListQuerySchema = z.strictObject({
  status: z.enum(incidentStatuses).optional(),
  category: z.enum(incidentCategories).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

export const incidentSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  category: z.enum(incidentCategories),
  hazard: z.string(),
  description: z.string(),
  status: z.enum(incidentStatuses),
  severity: z.enum(incidentSeverities),
  complexity: z.number().int(),
  lat: z.number(),
  lon: z.number(),
  area: incidentAreaSchema.nullable(),
  jurisdictions: z.array(z.string()),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  createdByUserId: z.string(),
  marking: markingViewSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentListSchema = z.object({
  items: z.array(incidentSchema),
  total: z.number().int(),
  marking: z.string(),
});
export type IncidentList = z.infer<typeof incidentListSchema>;
