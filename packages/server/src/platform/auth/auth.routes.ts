import { loginSchema, roleSchema, userAttributeSchema } from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { principalOf } from '../http/route-config.ts';
import { signIn, signOut } from './auth.actions.ts';
import { sessionCookie } from './authenticate.ts';
import type { Principal } from './principal.ts';

const sessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  agencyId: z.string(),
  roles: z.array(roleSchema),
  attributes: z.array(userAttributeSchema),
});
const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string().nullable() });

function present(principal: Principal) {
  const { viewer } = principal;
  return {
    user: {
      id: viewer.userId,
      email: principal.email,
      displayName: principal.displayName,
      agencyId: viewer.agencyId,
      roles: viewer.roles,
      attributes: viewer.attributes as z.infer<typeof userAttributeSchema>[],
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
