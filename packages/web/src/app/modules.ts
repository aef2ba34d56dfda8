import type { Role } from '@vigil/core/access';

/**
 * The director's modules in the order EOC staff expect them. Later issues add pages;
 * the navigation shows only the modules that exist and that the user's roles open.
 */
export type Module = { path: string; label: string; available: boolean; roles?: Role[] };

export const modules: Module[] = [
  { path: '/map', label: 'Map', available: true },
  { path: '/bulletins', label: 'Bulletins', available: true },
  { path: '/risk', label: 'Risk', available: true },
  { path: '/infrastructure', label: 'Infrastructure', available: true },
  { path: '/incidents', label: 'Incidents', available: true },
  { path: '/resources', label: 'Resources', available: true },
  { path: '/budget', label: 'Budget', available: true },
  { path: '/interop', label: 'Interop', available: true },
  { path: '/alerts', label: 'Alerts', available: false },
  { path: '/preparedness', label: 'Preparedness', available: false },
  { path: '/intelligence', label: 'Intelligence', available: false },
  { path: '/admin', label: 'Admin', available: true, roles: ['admin'] },
];

export function visibleModules(userRoles: readonly Role[]): Module[] {
  return modules.filter((m) => m.available && (!m.roles || m.roles.some((role) => userRoles.includes(role))));
}
