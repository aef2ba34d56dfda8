import { z } from 'zod';

export const agencyKinds = ['federal', 'state', 'local', 'tribal', 'territorial', 'private', 'ngo'] as const;
export type AgencyKind = (typeof agencyKinds)[number];
export const agencyKindSchema = z.enum(agencyKinds);

/** A state (2 digits) or county-equivalent (5 digits) FIPS code, kept as text: `51001` is not a number. */
export const fipsCodeSchema = z
  .string()
  .regex(/^\d{2}(\d{3})?$/, 'a FIPS code has 2 (state) or 5 (county) digits');

export const agencyCreateSchema = z.strictObject({
  name: z.string().trim().min(2).max(200),
  kind: agencyKindSchema,
  parentId: z.string().min(1).max(64).optional(),
  jurisdiction: z.array(fipsCodeSchema).max(500).optional(),
});
export type AgencyCreate = z.infer<typeof agencyCreateSchema>;

export const agencyUpdateSchema = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  active: z.boolean().optional(),
  jurisdiction: z.array(fipsCodeSchema).max(500).optional(),
});
export type AgencyUpdate = z.infer<typeof agencyUpdateSchema>;

export const agencySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: agencyKindSchema,
  parentId: z.string().nullable(),
  jurisdiction: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof agencySchema>;

/** Parents up to the root, nearest first; refuses cycles so a bad edit cannot hang access checks. */
export function findAgencyAncestors(
  agencyId: string,
  parentOf: ReadonlyMap<string, string | null>,
): string[] {
  const ancestors: string[] = [];
  let current = parentOf.get(agencyId) ?? null;
  while (current !== null) {
    if (current === agencyId || ancestors.includes(current))
      throw new Error(`agency hierarchy has a cycle at ${current}`);
    ancestors.push(current);
    current = parentOf.get(current) ?? null;
  }
  return ancestors;
}
