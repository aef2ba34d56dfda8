import { type Caveat, caveatAttribute, caveatBit, caveats, type Marking } from './marking.ts';
import type { Viewer } from './viewer.ts';

/**
 * THE visibility rule of Vigil. Every path that shows a record (read, list, count,
 * history, export, live events) applies this rule; SQL stores implement the same
 * predicate (see the server's `visibleMarkings`) and a property test holds the two equal.
 *
 * - The author always sees what they wrote.
 * - Every caveat demands its attribute (LES → law-enforcement, PII → pii-access, PCII → pcii-access).
 * - CLEAR: everybody. GREEN: the community, i.e. every agency, unless a share list narrows it.
 * - AMBER: the owning agency, and the listed agencies with their clients (sub-agencies):
 *   TLP lets a recipient pass AMBER on to its clients; the source's own clients get it only if listed.
 * - AMBER+STRICT: the owning agency and the listed agencies only, no clients.
 * - RED: the named people only.
 */
export function canSee(viewer: Viewer, marking: Marking): boolean {
  if (viewer.userId === marking.authorUserId) return true;
  if ((marking.caveats as Caveat[]).some((caveat) => !viewer.attributes.includes(caveatAttribute[caveat]))) {
    return false;
  }
  const own = [viewer.agencyId, ...viewer.agencyAncestorIds];
  switch (marking.tlp) {
    case 'CLEAR':
      return true;
    case 'GREEN':
      return (
        marking.shareAgencyIds.length === 0 ||
        viewer.agencyId === marking.ownerAgencyId ||
        marking.shareAgencyIds.some((id) => own.includes(id))
      );
    case 'AMBER':
      return (
        viewer.agencyId === marking.ownerAgencyId || marking.shareAgencyIds.some((id) => own.includes(id))
      );
    case 'AMBER+STRICT':
      return viewer.agencyId === marking.ownerAgencyId || marking.shareAgencyIds.includes(viewer.agencyId);
    case 'RED':
      return marking.shareUserIds.includes(viewer.userId);
  }
}

/** Caveat bits the viewer lacks: a record carrying any of them is hidden. */
export function missingCaveatMask(viewer: Pick<Viewer, 'attributes'>): number {
  return caveats
    .filter((caveat) => !viewer.attributes.includes(caveatAttribute[caveat]))
    .reduce((mask, caveat) => mask | caveatBit[caveat], 0);
}
