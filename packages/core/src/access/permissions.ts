import { z } from 'zod';

export const roles = [
  'admin',
  'director',
  'planner',
  'analyst',
  'operations',
  'logistics',
  'finance',
  'public-information',
  'partner',
  'viewer',
] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

/** Known user attributes; caveats demand some of them (see `caveatAttribute`). */
export const userAttributes = ['law-enforcement', 'pii-access', 'pcii-access', 'cyber'] as const;
export type UserAttribute = (typeof userAttributes)[number];
export const userAttributeSchema = z.enum(userAttributes);

/**
 * What a route may ask for. Every route names one; a route that names none is refused
 * at start-up (deny by default). `public` is for sign-in and health only.
 */
export const permissions = [
  'public',
  'session',
  'events.read',
  'bulletin.read',
  'bulletin.write',
  'bulletin.retract',
  'agency.read',
  'agency.admin',
  'user.read',
  'user.admin',
  'audit.read',
  'infrastructure.read',
  'infrastructure.write',
  'interop.read',
  'interop.write',
  'interop.admin',
  'risk.read',
  'risk.write',
  'budget.read',
  'budget.write',
  'incident.read',
  'incident.write',
  'resource.read',
  'resource.write',
  'resource.request',
] as const;
export type Permission = (typeof permissions)[number];
/** Grant portfolios: read them; write = create portfolios, run the optimizer, record execution. */
const budget: Permission[] = ['budget.read', 'budget.write'];

const readAll: Permission[] = [
  'session',
  'events.read',
  'bulletin.read',
  'agency.read',
  'user.read',
  'infrastructure.read',
  'risk.read',
  'incident.read',
  'resource.read',
  'interop.read',
];
/** Running a response: incidents, resources and resource requests (ICS 213RR). */
const respond: Permission[] = ['incident.write', 'resource.write', 'resource.request'];
const author: Permission[] = [
  ...readAll,
  ...respond,
  'bulletin.write',
  'bulletin.retract',
  'infrastructure.write',
  'interop.write',
];

/** Roles grant permissions; the markings then decide which records a permission reaches. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [...readAll, 'agency.admin', 'user.admin', 'audit.read', 'interop.admin'],
  director: [...author, 'audit.read', 'risk.write', ...budget],
  planner: [...author, 'risk.write', ...budget],
  analyst: [...author, 'risk.write', 'budget.read'],
  operations: author,
  logistics: author,
  finance: [...author, ...budget],
  'public-information': author,
  partner: author,
  viewer: readAll,
};

export function hasPermission(userRoles: readonly Role[], permission: Permission): boolean {
  if (permission === 'public') return true;
  return userRoles.some((role) => rolePermissions[role].includes(permission));
}
