import { DomainError, type Viewer } from '@vigil/core';
import { z } from 'zod';
import { authenticate, sessionCookie } from '../auth/authenticate.ts';
import { type AppDeps, authDepsOf } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { principalOf } from '../http/route-config.ts';

const eventId = z.coerce.number().int().min(0);

function sameViewer(a: Viewer, b: Viewer): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((v) => y.includes(v));
  return (
    a.userId === b.userId &&
    a.agencyId === b.agencyId &&
    same(a.roles, b.roles) &&
    same(a.attributes, b.attributes)
  );
}

/**
 * `GET /api/v1/events`: server-sent events of the journal entries the caller may see.
 * The event id is the journal sequence number, so a reconnecting browser's
 * Last-Event-ID resumes exactly where it stopped (`?after=` does the same for tools).
 * An open stream re-checks its caller periodically: a signed-out, expired or
 * deactivated user, or one whose roles or attributes changed, is disconnected.
 */
export function registerEventRoutes(app: App, deps: AppDeps): void {
  const authDeps = authDepsOf(deps);
  app.get(
    '/api/v1/events',
    {
      sse: 'only',
      config: { permission: 'events.read' },
      schema: {
        tags: ['events'],
        summary: 'Live journal entries (text/event-stream), resumable with Last-Event-ID',
        querystring: z.strictObject({ after: eventId.optional() }),
      },
    },
    async (request, reply) => {
      const viewer = principalOf(request).viewer;
      const header = reply.sse.lastEventId ?? undefined;
      const parsed = header === undefined ? undefined : eventId.safeParse(header);
      if (parsed && !parsed.success) {
        throw new DomainError('VALIDATION_FAILED', 'Last-Event-ID must be a journal sequence number', {
          field: 'Last-Event-ID',
        });
      }
      const after = parsed?.data ?? request.query.after ?? null;
      const credentials = {
        authorization: request.headers.authorization,
        sessionToken: request.cookies[sessionCookie],
      };
      reply.sse.keepAlive();
      await reply.sse.send({ event: 'ready', data: { after } });
      const unsubscribe = await deps.hub.subscribe(
        viewer,
        after,
        (event) => {
          if (!reply.sse.isConnected) return;
          void reply.sse.send({ id: String(event.seq), event: event.action, data: event }).catch(() => {});
        },
        () => reply.sse.close(),
      );
      const recheck = setInterval(() => {
        // Watching a stream is not activity: the idle timeout still runs.
        authenticate(authDeps, credentials, { recordActivity: false })
          .then((principal) => sameViewer(principal.viewer, viewer))
          .catch(() => false)
          .then((stillValid) => {
            if (!stillValid) reply.sse.close();
          });
      }, deps.config.streamRecheckMs);
      reply.sse.onClose(() => {
        clearInterval(recheck);
        unsubscribe();
      });
    },
  );
}
