import { z } from 'zod';
import { caveatSchema, markingInputSchema, tlpLabelSchema } from '../access/index.ts';

export const bulletinStatuses = ['published', 'retracted'] as const;
export type BulletinStatus = (typeof bulletinStatuses)[number];

export const bulletinCreateSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  marking: markingInputSchema,
});
export type BulletinCreate = z.infer<typeof bulletinCreateSchema>;

export const bulletinUpdateSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().min(1).max(20_000).optional(),
    marking: markingInputSchema.optional(),
    /** The version the editor saw; a stale one is refused so nobody overwrites an update unseen. */
    version: z.number().int().positive().optional(),
  })
  .refine((value) => value.title !== undefined || value.body !== undefined || value.marking !== undefined, {
    message: 'nothing to change: give title, body or marking',
    path: ['title'],
  });
export type BulletinUpdate = z.infer<typeof bulletinUpdateSchema>;

export const bulletinRetractSchema = z.strictObject({
  reason: z.string().trim().min(1).max(1000),
});
export type BulletinRetract = z.infer<typeof bulletinRetractSchema>;

export const bulletinListQuerySchema = z.strictObject({
  tlp: tlpLabelSchema.optional(),
  agencyId: z.string().min(1).max(64).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(bulletinStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type BulletinListQuery = z.infer<typeof bulletinListQuerySchema>;

export const markingViewSchema = z.object({
  tlp: tlpLabelSchema,
  label: z.string(),
  caveats: z.array(caveatSchema),
  ownerAgencyId: z.string(),
  shareWith: z.array(z.string()),
});
export type MarkingView = z.infer<typeof markingViewSchema>;

export const bulletinSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  status: z.enum(bulletinStatuses),
  marking: markingViewSchema,
  authorUserId: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  retractedAt: z.string().nullable(),
  retractionReason: z.string().nullable(),
});
export type Bulletin = z.infer<typeof bulletinSchema>;

export const bulletinListSchema = z.object({
  items: z.array(bulletinSchema),
  total: z.number().int(),
  /** The most restrictive label on this page: what a printout of the list must carry. */
  marking: tlpLabelSchema,
});
export type BulletinList = z.infer<typeof bulletinListSchema>;
