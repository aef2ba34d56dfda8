import { DomainError } from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { principalOf } from '../http/route-config.ts';

const eventId = z.coerce.number().int().min(0);

/**
 * `GET /api/v1/events`: server-sent events of the journal entries the caller may see.
 * The event id is the journal sequence number, so a reconnecting browser's
 * Last-Event-ID resumes exactly where it stopped (`?after=` does the same for tools).
 */
export function registerEventRoutes(app: App, deps: AppDeps): void {
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
      reply.sse.keepAlive();
      await reply.sse.send({ event: 'ready', data: { after } });
      const unsubscribe = await deps.hub.subscribe(viewer, after, (event) => {
        if (reply.sse.isConnected)
          void reply.sse.send({ id: String(event.seq), event: event.action, data: event }).catch(() => {});
      });
      reply.sse.onClose(unsubscribe);
    },
  );
}
