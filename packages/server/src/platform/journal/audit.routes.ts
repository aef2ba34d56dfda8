import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import type { App } from '../http/app-type.ts';
import { verifyStoredJournal } from './verify-journal-store.ts';

export function registerAuditRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/audit/verify',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Verify the hash chain of the whole journal',
        response: {
          200: z.object({
            ok: z.boolean(),
            entries: z.number().int(),
            firstBadEntry: z.number().int().nullable(),
            reason: z.string().nullable(),
          }),
        },
      },
    },
    async () => {
      const verdict = await verifyStoredJournal(deps.database.db);
      return verdict.ok
        ? { ok: true, entries: verdict.entries, firstBadEntry: null, reason: null }
        : {
            ok: false,
            entries: verdict.entries,
            firstBadEntry: verdict.break.seq,
            reason: `${verdict.break.reason}: ${verdict.break.detail}`,
          };
    },
  );
}
