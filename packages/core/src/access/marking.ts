import { z } from 'zod';
import { type TlpLabel, tlpLabelSchema, tlpRank } from './tlp.ts';

/**
 * Handling caveats that narrow a TLP label: each one demands a user attribute.
 * LES = law enforcement sensitive, PII = personally identifiable information,
 * PCII = protected critical infrastructure information (6 CFR Part 29).
 */
export const caveats = ['LES', 'PII', 'PCII'] as const;
export type Caveat = (typeof caveats)[number];
export const caveatSchema = z.enum(caveats);

export const caveatAttribute: Record<Caveat, string> = {
  LES: 'law-enforcement',
  PII: 'pii-access',
  PCII: 'pcii-access',
};

/** Bits used to store caveats in one integer column, so SQL can test them with `&`. */
export const caveatBit: Record<Caveat, number> = { LES: 1, PII: 2, PCII: 4 };

export function caveatMask(list: readonly Caveat[]): number {
  return list.reduce((mask, caveat) => mask | caveatBit[caveat], 0);
}

export function caveatsFromMask(mask: number): Caveat[] {
  return caveats.filter((caveat) => (mask & caveatBit[caveat]) !== 0);
}

/** Caveats whose reading must be journaled (28 CFR Part 23 / privacy accountability). */
export const sensitiveCaveats: readonly Caveat[] = ['LES', 'PII'];

export function isSensitive(marking: Pick<Marking, 'caveats'>): boolean {
  return marking.caveats.some((caveat) => sensitiveCaveats.includes(caveat));
}

/** A marking as a client sends it. `shareWith` holds agency ids, or user ids for RED. */
export const markingInputSchema = z.strictObject({
  tlp: tlpLabelSchema,
  caveats: z.array(caveatSchema).max(caveats.length).optional(),
  shareWith: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export type MarkingInput = z.infer<typeof markingInputSchema>;

/** A marking as stored: who owns the record, who wrote it, and who else may see it. */
export type Marking = {
  ownerAgencyId: string;
  authorUserId: string;
  tlp: TlpLabel;
  caveats: Caveat[];
  shareAgencyIds: string[];
  shareUserIds: string[];
};

export const markingSchema = z.object({
  ownerAgencyId: z.string(),
  authorUserId: z.string(),
  tlp: tlpLabelSchema,
  caveats: z.array(caveatSchema),
  shareAgencyIds: z.array(z.string()),
  shareUserIds: z.array(z.string()),
});

/** Turns a client's marking into the stored form; RED shares name people, every other label names agencies. */
export function buildMarking(input: MarkingInput, owner: { agencyId: string; userId: string }): Marking {
  const share = [...new Set(input.shareWith ?? [])];
  return {
    ownerAgencyId: owner.agencyId,
    authorUserId: owner.userId,
    tlp: input.tlp,
    caveats: caveats.filter((caveat) => input.caveats?.includes(caveat)),
    shareAgencyIds: input.tlp === 'RED' ? [] : share,
    shareUserIds: input.tlp === 'RED' ? share : [],
  };
}

export function toMarkingInput(marking: Marking): MarkingInput {
  const shareWith = marking.tlp === 'RED' ? marking.shareUserIds : marking.shareAgencyIds;
  return {
    tlp: marking.tlp,
    ...(marking.caveats.length ? { caveats: marking.caveats } : {}),
    ...(shareWith.length ? { shareWith } : {}),
  };
}

export function sameMarking(a: Marking, b: Marking): boolean {
  const sameSet = (x: string[], y: string[]) => x.length === y.length && x.every((v) => y.includes(v));
  return (
    a.ownerAgencyId === b.ownerAgencyId &&
    a.authorUserId === b.authorUserId &&
    a.tlp === b.tlp &&
    sameSet(a.caveats, b.caveats) &&
    sameSet(a.shareAgencyIds, b.shareAgencyIds) &&
    sameSet(a.shareUserIds, b.shareUserIds)
  );
}

/**
 * Does `next` let anybody see what `current` hid from them? A less restrictive label,
 * a dropped caveat or a wider share list all count; so does a raised label that names
 * someone new at the same time (AMBER to RED naming an outsider), since the rule knows
 * nothing of who was already inside. Such changes are the owning agency's call.
 */
export function isLowering(current: Marking, next: Marking): boolean {
  if (tlpRank(next.tlp) < tlpRank(current.tlp)) return true;
  if (current.caveats.some((caveat) => !next.caveats.includes(caveat))) return true;
  // CLEAR and community-wide GREEN hid the record from nobody: keeping or raising the label cannot widen.
  if (current.tlp === 'CLEAR' || (current.tlp === 'GREEN' && current.shareAgencyIds.length === 0))
    return false;
  if (next.tlp === 'GREEN' && next.shareAgencyIds.length === 0) return true;
  const widened = (from: string[], to: string[]) => to.some((id) => !from.includes(id));
  if (next.tlp === 'RED') {
    return current.tlp === 'RED'
      ? widened(current.shareUserIds, next.shareUserIds)
      : next.shareUserIds.length > 0;
  }
  return widened(current.shareAgencyIds, next.shareAgencyIds);
}
