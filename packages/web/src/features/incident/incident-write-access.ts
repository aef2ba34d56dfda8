import { hasPermission, type Role } from '@vigil/core/access';

/**
 * Which of the incident module's write actions a user is offered. The server refuses these calls
 * without the permission (403), so a button for them would only ever fail; core's role table decides,
 * as it does on the server.
 *
 * - `incident`: open an incident, change its status, add or update its records (incident.write).
 * - `resourceRequests`: order a resource and act on a request — approve, fill, mutual aid, mobilize,
 *   check in, demobilize (resource.request).
 */
export type IncidentWriteAccess = { incident: boolean; resourceRequests: boolean };

export function incidentWriteAccess(userRoles: readonly Role[]): IncidentWriteAccess {
  return {
    incident: hasPermission(userRoles, 'incident.write'),
    resourceRequests: hasPermission(userRoles, 'resource.request'),
  };
}
