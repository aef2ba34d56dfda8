import type { JournalDraft, Marking, Viewer } from '@vigil/core';

/** A `change` journal entry about a marked record, carrying the marking it was written under. */
export function markedDraft(
  viewer: Viewer,
  at: string,
  action: string,
  entity: { type: string; id: string },
  marked: { markingId: string; marking: Marking },
  change: JournalDraft['change'],
): JournalDraft {
  return {
    at,
    actorUserId: viewer.userId,
    actorAgencyId: viewer.agencyId,
    action,
    kind: 'change',
    entityType: entity.type,
    entityId: entity.id,
    change,
    markingId: marked.markingId,
    marking: {
      tlp: marked.marking.tlp,
      caveats: marked.marking.caveats,
      ownerAgencyId: marked.marking.ownerAgencyId,
    },
  };
}
