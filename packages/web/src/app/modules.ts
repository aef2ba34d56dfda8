import { hasPermission, type Permission, type Role } from '@vigil/core/access';

/**
 * The director's modules in the order EOC staff expect them. Later issues add pages;
 * the navigation shows only the modules that exist and that the user's roles open.
 *
 * `permissions` are the ones the page's first load asks the server for. A module is shown
 * only when the user's roles grant all of them (core's role table decides, as on the server),
 * so nobody is offered a page that would answer 403.
 */
export type Module = {
  path: string;
  label: string;
  available: boolean;
  permissions: readonly Permission[];
};

export const modules: Module[] = [
  {
    path: '/map',
    label: 'Map',
    available: true,
    permissions: ['risk.read', 'incident.read', 'resource.read'],
  },
  { path: '/bulletins', label: 'Bulletins', available: true, permissions: ['bulletin.read'] },
  { path: '/risk', label: 'Risk', available: true, permissions: ['risk.read'] },
  { path: '/infrastructure', label: 'Infrastructure', available: true, permissions: ['infrastructure.read'] },
  { path: '/incidents', label: 'Incidents', available: true, permissions: ['incident.read'] },
  { path: '/resources', label: 'Resources', available: true, permissions: ['resource.read'] },
  { path: '/budget', label: 'Budget', available: true, permissions: ['budget.read'] },
  { path: '/interop', label: 'Interop', available: true, permissions: ['interop.read'] },
  { path: '/alerts', label: 'Alerts', available: false, permissions: [] },
  { path: '/preparedness', label: 'Preparedness', available: false, permissions: [] },
  { path: '/intelligence', label: 'Intelligence', available: false, permissions: [] },
  // Reading users and agencies is everyone's; the page exists to change them.
  { path: '/admin', label: 'Admin', available: true, permissions: ['user.admin', 'agency.admin'] },
];

export function mayOpenModule(module: Module, userRoles: readonly Role[]): boolean {
  return module.permissions.every((permission) => hasPermission(userRoles, permission));
}

export function visibleModules(userRoles: readonly Role[]): Module[] {
  return modules.filter((m) => m.available && mayOpenModule(m, userRoles));
}

/** The module a path belongs to (`/budget/portfolios/…` is Budget's), if any. */
export function moduleAt(pathname: string): Module | undefined {
  return modules.find((m) => pathname === m.path || pathname.startsWith(`${m.path}/`));
}
