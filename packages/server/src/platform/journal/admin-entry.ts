import type { JournalDraft, JsonValue, Viewer } from '@vigil/core';

/** Journal entries for administration (agencies, users, tokens): unmarked, streamed to administrators only. */
export function adminEntry(
  actor: Viewer | null,
  at: string,
  action: string,
  entityType: string,
  entityId: string,
  change: JsonValue,
): JournalDraft {
  return {
    at,
    actorUserId: actor?.userId ?? null,
    actorAgencyId: actor?.agencyId ?? null,
    action,
    kind: 'change',
    entityType,
    entityId,
    change,
    markingId: null,
    marking: null,
  };
}
