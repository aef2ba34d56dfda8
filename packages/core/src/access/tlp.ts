import { z } from 'zod';

/**
 * FIRST TLP 2.0 labels, spelled as the standard writes them after `TLP:`.
 * Order matters: index = restrictiveness (CLEAR least, RED most).
 */
export const tlpLabels = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLabel = (typeof tlpLabels)[number];

export const tlpLabelSchema = z.enum(tlpLabels);

/** Font colours of TLP 2.0 (to be shown on a black background). */
export const tlpColours: Record<TlpLabel, string> = {
  CLEAR: '#FFFFFF',
  GREEN: '#33FF00',
  AMBER: '#FFC000',
  'AMBER+STRICT': '#FFC000',
  RED: '#FF2B2B',
};

export function tlpRank(label: TlpLabel): number {
  return tlpLabels.indexOf(label);
}

/** `TLP:AMBER+STRICT`, the exact text a reader expects at the top of marked content. */
export function formatTlp(label: TlpLabel): string {
  return `TLP:${label}`;
}

export function isTlpLabel(value: string): value is TlpLabel {
  return (tlpLabels as readonly string[]).includes(value);
}

/** Aggregates (a list, a report, an export) carry the most restrictive label of their parts. */
export function mostRestrictiveTlp(labels: Iterable<TlpLabel>): TlpLabel {
  let best: TlpLabel = 'CLEAR';
  for (const label of labels) if (tlpRank(label) > tlpRank(best)) best = label;
  return best;
}
