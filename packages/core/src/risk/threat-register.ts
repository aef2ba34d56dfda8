import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A human-caused or technological threat against an asset or a county, scored as DHS
 * does (Risk = Threat × Vulnerability × Consequence, the RAMCAP/NIPP form):
 * - threat: likelihood of an attempt in a year (0–1), with its source and the analyst's confidence
 * - vulnerability: probability the attempt succeeds against current protection (0–1)
 * - consequence: loss in dollars if it succeeds
 * The product is an expected annual loss in dollars, comparable with NRI EAL.
 */
export const threatEntrySchema = z.strictObject({
  title: text(200),
  threatType: z.enum(['human-caused', 'technological']),
  /** e.g. cyber attack on a utility, active shooter, chemical release, pandemic. */
  category: text(120),
  subject: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('county'), stcofips: z.string().regex(/^\d{5}$/) }),
    z.strictObject({
      kind: z.literal('asset'),
      name: text(200),
      stcofips: z
        .string()
        .regex(/^\d{5}$/)
        .nullable()
        .default(null),
    }),
  ]),
  likelihood: z.number().min(0).max(1),
  likelihoodSource: text(1000),
  confidence: z.enum(['low', 'moderate', 'high']),
  vulnerability: z.number().min(0).max(1),
  consequence: z.number().min(0).max(1e13),
  consequenceBasis: z.string().trim().max(2000).default(''),
});
export type ThreatEntry = z.infer<typeof threatEntrySchema>;

export function scoreThreatRisk(
  entry: Pick<ThreatEntry, 'likelihood' | 'vulnerability' | 'consequence'>,
): number {
  return entry.likelihood * entry.vulnerability * entry.consequence;
}
