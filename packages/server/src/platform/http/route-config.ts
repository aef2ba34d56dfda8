import type { Permission } from '@vigil/core';
import type { Principal } from '../auth/principal.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every route names the permission it needs; a route without one refuses to register. */
    permission?: Permission;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The caller of a route that declared a non-public permission (set by the access hook before the handler). */
export function principalOf(request: { principal: Principal | null }): Principal {
  if (!request.principal)
    throw new Error('route reached without a principal: its permission must not be public');
  return request.principal;
}
