/**
 * Server process of the API benchmark: a real Vigil (file SQLite, WAL, synchronous=FULL)
 * seeded with the marking-test cast and a few thousand bulletins of mixed markings,
 * listening on 127.0.0.1. Forked by bench/api.ts; speaks bench/lib/protocol.ts.
 */
import { join } from 'node:path';
import type { BulletinCreate, MarkingInput, TlpLabel } from '@vigil/core';
import {
  createBulletin,
  createVigil,
  issueApiToken,
  listBulletins,
  loadConfig,
  verifyStoredJournal,
} from '@vigil/server';
import { type Scenario, seedScenario } from '../../packages/server/src/testing/test-vigil.ts';
import { parentMessage, tellParent } from './child.ts';
import type { Stop, VerifyReply, VerifyRequest, VigilInit, VigilReady } from './protocol.ts';
import { bulletinText, random } from './text.ts';

type Author = keyof Scenario['users'];

/** Who writes the seed: every member of the cast whose role may write (not the admin, not the viewer b2). */
const authors: Author[] = ['a', 'a2', 'b', 'bChild', 'c', 'les'];

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** A marking mix close to an EOC's: mostly GREEN and AMBER, some CLEAR, few STRICT/RED, some caveats. */
function seedMarking(next: () => number, author: Author, scenario: Scenario): MarkingInput {
  const { agencies, users } = scenario;
  const otherAgencies = [agencies.a, agencies.b, agencies.c, agencies.bChild];
  const roll = next();
  let tlp: TlpLabel;
  if (roll < 0.15) tlp = 'CLEAR';
  else if (roll < 0.45) tlp = 'GREEN';
  else if (roll < 0.8) tlp = 'AMBER';
  else if (roll < 0.9) tlp = 'AMBER+STRICT';
  else tlp = 'RED';
  const shareWith =
    tlp === 'RED'
      ? [pick(next, Object.values(users)).id]
      : tlp === 'CLEAR' || next() < 0.4
        ? []
        : otherAgencies.filter(() => next() < 0.4);
  const caveats: MarkingInput['caveats'] =
    author === 'les' && next() < 0.5 ? ['LES'] : next() < 0.05 ? ['PCII'] : undefined;
  return { tlp, ...(shareWith.length ? { shareWith } : {}), ...(caveats ? { caveats } : {}) };
}

async function main(): Promise<void> {
  const init = await parentMessage<VigilInit>('init');
  const vigil = await createVigil(
    loadConfig({ VIGIL_DATABASE_URL: `sqlite:${join(init.dir, 'vigil.db')}`, VIGIL_LOG_LEVEL: 'silent' }),
  );
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= vigil.close().finally(() => {
      if (process.connected) process.disconnect();
    });
    return closing;
  };
  // The parent went away (crash, Ctrl-C): do not outlive it.
  process.on('disconnect', () => void close());
  void parentMessage<Stop>('stop').then(close);

  const scenario = await seedScenario(vigil);
  const { users } = scenario;
  const started = performance.now();
  const next = random(42);
  const sensitiveIds: string[] = [];
  for (let i = 0; i < init.bulletins; i++) {
    const author = pick(next, authors);
    const input: BulletinCreate = { ...bulletinText(next, i), marking: seedMarking(next, author, scenario) };
    const bulletin = await createBulletin(vigil.deps, users[author].viewer, input);
    if (author === 'les' && bulletin.marking.caveats.includes('LES')) sensitiveIds.push(bulletin.id);
  }
  const seedMs = performance.now() - started;

  const reader = users.b.viewer;
  const readIds: string[] = [];
  let visibleToReader = 0;
  for (let offset = 0; ; offset += 200) {
    const page = await listBulletins(vigil.deps, reader, { limit: 200, offset });
    visibleToReader = page.total;
    for (const item of page.items) if (item.marking.caveats.length === 0) readIds.push(item.id);
    if (page.items.length < 200) break;
  }

  const token = async (who: Author) => (await issueApiToken(vigil.deps, null, users[who].id, 'bench')).token;
  await vigil.app.listen({ port: 0, host: '127.0.0.1' });
  const address = vigil.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  process.on('message', (message: VerifyRequest) => {
    if (message.type !== 'verify') return;
    void (async () => {
      const verdict = await verifyStoredJournal(vigil.deps.database.db);
      const count = await vigil.deps.database.db
        .selectFrom('bulletins')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const reply: VerifyReply = {
        type: 'verified',
        ok: verdict.ok,
        entries: verdict.entries,
        bulletins: Number(count.n),
      };
      tellParent(reply);
    })();
  });

  const ready: VigilReady = {
    type: 'ready',
    port: address.port,
    readerToken: await token('b'),
    writerToken: await token('a'),
    sensitiveReaderToken: await token('les'),
    shareWithAgencyId: scenario.agencies.b,
    readIds,
    sensitiveIds,
    seeded: { bulletins: init.bulletins, visibleToReader, ms: Math.round(seedMs) },
  };
  tellParent(ready);
}

main().catch((error: unknown) => {
  console.error('vigil bench server:', error);
  process.exit(1);
});
