import { loginSchema, type Session, sessionSchema } from '@vigil/core';
import type { AppDeps } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { principalOf } from '../http/route-config.ts';
import { signIn, signOut } from './auth.actions.ts';
import { sessionCookie } from './authenticate.ts';
import type { Principal } from './principal.ts';

function present(principal: Principal): Session {
  const { viewer } = principal;
  return {
    user: {
      id: viewer.userId,
      email: principal.email,
      displayName: principal.displayName,
      agencyId: viewer.agencyId,
      roles: viewer.roles,
      attributes: viewer.attributes as Session['user']['attributes'],
    },
    csrfToken: principal.csrfToken,
  };
}

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const tags = ['auth'];
  app.post(
    '/api/v1/auth/login',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Sign in; sets the session cookie and answers the CSRF token',
        body: loginSchema,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const { principal, sessionToken } = await signIn(deps, request.body);
      reply.setCookie(sessionCookie, sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.cookieSecure,
        path: '/',
        maxAge: Math.floor(deps.config.sessionMaxMs / 1000),
      });
      return present(principal);
    },
  );
  app.get(
    '/api/v1/auth/session',
    {
      config: { permission: 'session' },
      schema: { tags, summary: 'Who is signed in', response: { 200: sessionSchema } },
    },
    async (request) => present(principalOf(request)),
  );
  app.post(
    '/api/v1/auth/logout',
    { config: { permission: 'session' }, schema: { tags, summary: 'Sign out' } },
    async (request, reply) => {
      await signOut(deps, principalOf(request));
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send();
    },
  );
}
