import { DomainError, hasPermission } from '@vigil/core';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { type AuthDeps, authenticate, sessionCookie } from '../auth/authenticate.ts';
import { safeEqual } from '../auth/tokens.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes plugins register (API documentation, the web app's static files) are public;
 * every route of ours must say what it needs.
 */
const publicPrefixes = ['/api/docs'];
const publicStaticRoutes = ['/', '/*'];

/**
 * Deny by default, in two places: at start-up a route that declares no permission
 * stops the server; on each request the caller is authenticated, cookie-borne state
 * changes must echo the CSRF token, and the role must grant the route's permission.
 */
export function installAccessControl(app: FastifyInstance, deps: AuthDeps): void {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (route.config?.permission) return;
    if (
      publicPrefixes.some((prefix) => route.url.startsWith(prefix)) ||
      publicStaticRoutes.includes(route.url)
    ) {
      route.config = { ...route.config, permission: 'public' };
      return;
    }
    throw new Error(`route ${route.method} ${route.url} declares no permission (deny by default)`);
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const permission = request.routeOptions.config.permission;
    if (permission === undefined || permission === 'public') return;
    const principal = await authenticate(deps, {
      authorization: request.headers.authorization,
      sessionToken: request.cookies[sessionCookie],
    });
    if (principal.via === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
        throw new DomainError('CSRF_TOKEN_INVALID', 'send the X-CSRF-Token header given at sign-in', {
          field: 'X-CSRF-Token',
        });
      }
    }
    if (!hasPermission(principal.viewer.roles, permission)) {
      throw new DomainError('PERMISSION_DENIED', `your roles do not grant ${permission}`);
    }
    request.principal = principal;
  });
}
