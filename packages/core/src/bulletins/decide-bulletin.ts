import { isLowering, type Marking, sameMarking, type Viewer } from '../access/index.ts';
import { DomainError } from '../errors/index.ts';

export type BulletinState = {
  title: string;
  body: string;
  status: 'published' | 'retracted';
  version: number;
  marking: Marking;
};

/**
 * Who may edit a bulletin: its owning agency, and the agencies it is shared with
 * (partners add to a joint notice, as on an EOC board). Only the owning agency may
 * lower the marking, because only the owner may decide to release more widely.
 */
export function decideBulletinUpdate(
  viewer: Viewer,
  current: BulletinState,
  change: { title?: string; body?: string; marking?: Marking; version?: number },
): { title: string; body: string; marking: Marking; changed: Record<string, unknown> } {
  const isOwner = viewer.agencyId === current.marking.ownerAgencyId;
  const isPartner =
    current.marking.shareAgencyIds.includes(viewer.agencyId) ||
    current.marking.shareUserIds.includes(viewer.userId);
  if (!isOwner && !isPartner) {
    throw new DomainError(
      'PERMISSION_DENIED',
      'only the owning agency and the agencies it shares with may edit this bulletin',
    );
  }
  if (current.status === 'retracted')
    throw new DomainError('INVALID_STATE', 'a retracted bulletin cannot be edited');
  if (change.version !== undefined && change.version !== current.version) {
    throw new DomainError('CONFLICT', `the bulletin changed since version ${change.version}; reload it`, {
      field: 'version',
    });
  }
  const marking = change.marking ?? current.marking;
  if (!isOwner && isLowering(current.marking, marking)) {
    throw new DomainError('MARKING_LOWER_FORBIDDEN', 'only the owning agency may lower a marking', {
      field: 'marking',
    });
  }
  const changed: Record<string, unknown> = {};
  if (change.title !== undefined && change.title !== current.title) changed.title = change.title;
  if (change.body !== undefined && change.body !== current.body) changed.body = change.body;
  if (!sameMarking(current.marking, marking))
    changed.marking = { from: current.marking.tlp, to: marking.tlp };
  return { title: change.title ?? current.title, body: change.body ?? current.body, marking, changed };
}

/** Retraction withdraws a bulletin for everyone who saw it; only its owning agency may do that. */
export function decideBulletinRetract(viewer: Viewer, current: BulletinState): void {
  if (viewer.agencyId !== current.marking.ownerAgencyId) {
    throw new DomainError('PERMISSION_DENIED', 'only the owning agency may retract this bulletin');
  }
  if (current.status === 'retracted')
    throw new DomainError('INVALID_STATE', 'the bulletin is already retracted');
}
