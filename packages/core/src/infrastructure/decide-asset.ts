import { isLowering, type Marking, sameMarking, type Viewer } from '../access/index.ts';
import { DomainError } from '../errors/index.ts';

/**
 * Who may change an asset or the dependencies it has: its owning agency, and the agencies
 * (or, for TLP:RED, the people) it is shared with: the utility and the county planners who
 * keep the picture current together. Only the owner may lower the marking (PCII stays PCII).
 */
export function assertMayEditAsset(viewer: Viewer, marking: Marking): void {
  const isOwner = viewer.agencyId === marking.ownerAgencyId;
  const isPartner =
    marking.shareAgencyIds.includes(viewer.agencyId) || marking.shareUserIds.includes(viewer.userId);
  if (!isOwner && !isPartner) {
    throw new DomainError(
      'PERMISSION_DENIED',
      'only the owning agency and the agencies it shares with may edit this asset and its dependencies',
    );
  }
}

export function decideAssetMarking(viewer: Viewer, current: Marking, proposed: Marking | undefined): Marking {
  assertMayEditAsset(viewer, current);
  if (!proposed) return current;
  if (viewer.agencyId !== current.ownerAgencyId && isLowering(current, proposed)) {
    throw new DomainError('MARKING_LOWER_FORBIDDEN', 'only the owning agency may lower a marking', {
      field: 'marking',
    });
  }
  return sameMarking(current, proposed) ? current : proposed;
}

/**
 * k for a requirement (one dependent, one type) after a change: every edge of it shares
 * one k, which may not exceed its number of suppliers. Removing a supplier from a
 * requirement that needed all of them lowers k with it, rather than refusing the removal.
 */
export function decideRequirementK(suppliers: number, requestedK: number, field = 'k'): number {
  if (!Number.isInteger(requestedK) || requestedK < 1) {
    throw new DomainError('VALIDATION_FAILED', 'k must be a whole number ≥ 1', { field });
  }
  if (suppliers > 0 && requestedK > suppliers) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `k ${requestedK} is larger than the number of suppliers of this type`,
      { field },
    );
  }
  return requestedK;
}
