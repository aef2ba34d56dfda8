import type { IncidentStatus } from '@vigil/core/incident';
import type { RequestStatus, ResourceStatus } from '@vigil/core/resources';

/** One colour per status everywhere (map, board, tabs); the text always says the status too. */
export const incidentStatusColours: Record<IncidentStatus, string> = {
  reported: '#c9b3ff',
  active: '#ff5a5f',
  contained: '#ffb020',
  demobilizing: '#4da3ff',
  closed: '#9aa5b1',
};

export const resourceStatusColours: Record<ResourceStatus, string> = {
  available: '#3ddc84',
  assigned: '#ffb020',
  'out-of-service': '#ff5a5f',
  demobilized: '#9aa5b1',
};

export const requestStatusColours: Record<RequestStatus, string> = {
  requested: '#c9b3ff',
  approved: '#4da3ff',
  rejected: '#9aa5b1',
  'mutual-aid-requested': '#ff8ad8',
  'counter-offered': '#ff8ad8',
  filled: '#ffb020',
  mobilized: '#ffb020',
  'checked-in': '#3ddc84',
  demobilized: '#9aa5b1',
  cancelled: '#9aa5b1',
};

export function StatusTag(props: { status: string; colour: string }) {
  return (
    <span className="ops-status" data-status={props.status}>
      <span className="ops-dot" style={{ background: props.colour }} aria-hidden="true" />
      {props.status}
    </span>
  );
}
