import type { Bulletin, Marking } from '@vigil/core';
import { toMarkingView } from '../platform/access/marking-view.ts';
import type { BulletinRow } from './bulletins.store.ts';

/** The presenter: names every field a client gets, so a new column never leaks by accident. */
export function toBulletinView(row: BulletinRow, marking: Marking): Bulletin {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status as Bulletin['status'],
    marking: toMarkingView(marking),
    authorUserId: row.author_user_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retractedAt: row.retracted_at,
    retractionReason: row.retraction_reason,
  };
}
