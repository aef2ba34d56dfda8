import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bulletin } from '@vigil/core';
import { addAgency } from '../../agencies/index.ts';
import { spawnServer } from '../../testing/spawn-server.ts';
import { SseClient } from '../../testing/sse-client.ts';
import { TestClient } from '../../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil, testPassword } from '../../testing/test-vigil.ts';
import type { Vigil } from '../create-vigil.ts';

async function listen(vigil: Vigil): Promise<string> {
  await vigil.app.listen({ port: 0, host: '127.0.0.1' });
  const address = vigil.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

for (const { engine, create } of testEngines) {
  describe(`live events over server-sent events (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let base: string;
    let s: Scenario;
    const streams: SseClient[] = [];

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database, { env: { VIGIL_STREAM_RECHECK_SECONDS: '0.2' } });
      s = await seedScenario(vigil);
      base = await listen(vigil);
    });
    after(async () => {
      await Promise.all(streams.map((stream) => stream.close()));
      await vigil.close();
      await database.drop();
    });

    async function stream(
      client: TestClient,
      url = base,
      headers: Record<string, string> = {},
    ): Promise<SseClient> {
      const opened = await SseClient.connect(`${url}/api/v1/events`, { cookie: client.cookie, ...headers });
      streams.push(opened);
      return opened;
    }

    async function post(client: TestClient, marking: unknown, title = 'Live bulletin'): Promise<Bulletin> {
      const response = await client.post('/api/v1/bulletins', { title, body: 'b', marking });
      assert.equal(response.status, 201);
      return response.json<Bulletin>();
    }

    it('a stream opened after writes nobody listened to starts live, without a burst of old entries', async () => {
      // First in this file: no stream is open yet, so the hub skips reading these entries.
      assert.equal(vigil.deps.hub.subscriberCount, 0);
      const [a, admin] = await Promise.all(
        [s.users.a, s.users.admin].map((u) => TestClient.signIn(vigil.app, u.email)),
      );
      const writer = a as TestClient;
      const unheard = [
        (await post(writer, { tlp: 'CLEAR' }, 'Unheard 1')).id,
        // Actions that notify without a sequence number make the idle hub read the head.
        (await addAgency(vigil.deps, s.users.admin.viewer, { name: 'Unheard agency', kind: 'ngo' })).id,
        (await post(writer, { tlp: 'CLEAR' }, 'Unheard 2')).id,
      ];
      await vigil.deps.hub.notify();
      const adminStream = await stream(admin as TestClient);
      const heard = await post(writer, { tlp: 'CLEAR' }, 'Heard');
      await adminStream.waitFor((e) => (e.data as { entityId?: string }).entityId === heard.id);
      assert.deepEqual(adminStream.entityIds(), [heard.id]);
      assert.ok(unheard.every((id) => !adminStream.entityIds().includes(id)));
    });

    it('streams an AMBER bulletin shared with B to B’s users and not to C’s', async () => {
      const [a, b, c] = await Promise.all(
        [s.users.a, s.users.b, s.users.c].map((u) => TestClient.signIn(vigil.app, u.email)),
      );
      const [bStream, cStream] = [await stream(b as TestClient), await stream(c as TestClient)];
      const amber = await post(a as TestClient, { tlp: 'AMBER', shareWith: [s.agencies.b] });
      const event = await bStream.waitFor(
        (e) => e.event === 'bulletin.created' && (e.data as { entityId: string }).entityId === amber.id,
      );
      assert.equal((event.data as { tlp: string }).tlp, 'AMBER');
      assert.equal(
        (event.data as Record<string, unknown>).body,
        undefined,
        'events say what changed, not the content',
      );
      // A later CLEAR bulletin reaches C: C's stream is live, and the AMBER one never came before it.
      const clear = await post(a as TestClient, { tlp: 'CLEAR' });
      await cStream.waitFor((e) => (e.data as { entityId?: string }).entityId === clear.id);
      assert.ok(!cStream.entityIds().includes(amber.id));
      assert.ok(Number(event.id) > 0);
    });

    it('TLP:RED is streamed to the named user only', async () => {
      const [a, b, b2] = await Promise.all(
        [s.users.a, s.users.b, s.users.b2].map((u) => TestClient.signIn(vigil.app, u.email)),
      );
      const [bStream, b2Stream] = [await stream(b as TestClient), await stream(b2 as TestClient)];
      const red = await post(a as TestClient, { tlp: 'RED', shareWith: [s.users.b.id] });
      const clear = await post(a as TestClient, { tlp: 'CLEAR' });
      await bStream.waitFor((e) => (e.data as { entityId?: string }).entityId === red.id);
      await b2Stream.waitFor((e) => (e.data as { entityId?: string }).entityId === clear.id);
      assert.ok(!b2Stream.entityIds().includes(red.id));
    });

    it('resumes after Last-Event-ID with exactly the missed events the user may see', async () => {
      const [a, b] = await Promise.all(
        [s.users.a, s.users.b].map((u) => TestClient.signIn(vigil.app, u.email)),
      );
      const first = await stream(b as TestClient);
      const seen = await post(a as TestClient, { tlp: 'GREEN' }, 'seen');
      const seenEvent = await first.waitFor((e) => (e.data as { entityId?: string }).entityId === seen.id);
      await first.close();
      const missedVisible = await post(
        a as TestClient,
        { tlp: 'AMBER', shareWith: [s.agencies.b] },
        'missed, visible',
      );
      const missedHidden = await post(
        a as TestClient,
        { tlp: 'AMBER', shareWith: [s.agencies.c] },
        'missed, hidden',
      );
      const resumed = await stream(b as TestClient, base, { 'last-event-id': String(seenEvent.id) });
      await resumed.waitFor((e) => (e.data as { entityId?: string }).entityId === missedVisible.id);
      const live = await post(a as TestClient, { tlp: 'CLEAR' }, 'live');
      await resumed.waitFor((e) => (e.data as { entityId?: string }).entityId === live.id);
      const ids = resumed.entityIds();
      assert.ok(!ids.includes(missedHidden.id), 'replay applies the marking in SQL');
      assert.ok(!ids.includes(seen.id), 'nothing before Last-Event-ID');
      assert.equal(new Set(ids).size, ids.length, 'no event twice');
      const seqs = resumed.events.flatMap((e) => (e.id ? [Number(e.id)] : []));
      assert.deepEqual(
        seqs,
        [...seqs].sort((x, y) => x - y),
        'in journal order',
      );
    });

    it('ends the stream of a user who signs out or is deactivated', async () => {
      const [bChild, b2, admin] = await Promise.all(
        [s.users.bChild, s.users.b2, s.users.admin].map((u) => TestClient.signIn(vigil.app, u.email)),
      );
      const [deactivated, signedOut] = [await stream(bChild as TestClient), await stream(b2 as TestClient)];
      assert.equal(
        (await (admin as TestClient).patch(`/api/v1/users/${s.users.bChild.id}`, { active: false })).status,
        200,
      );
      assert.equal((await (b2 as TestClient).post('/api/v1/auth/logout')).status, 204);
      const deadline = (ms: number) =>
        new Promise((_, reject) => setTimeout(() => reject(new Error('stream still open')), ms));
      await Promise.race([Promise.all([deactivated.ended(), signedOut.ended()]), deadline(3000)]);
    });

    it('refuses anonymous subscribers', async () => {
      const response = await fetch(`${base}/api/v1/events`, { headers: { accept: 'text/event-stream' } });
      assert.equal(response.status, 401);
      await response.body?.cancel();
    });

    if (engine === 'postgres') {
      it('reaches users connected to another server process on the same PostgreSQL (LISTEN/NOTIFY)', async () => {
        const other = await spawnServer(database.url);
        try {
          const signInThere = async (email: string) => {
            const response = await fetch(`${other.base}/api/v1/auth/login`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ email, password: testPassword }),
            });
            assert.equal(response.status, 200);
            const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
            const opened = await SseClient.connect(`${other.base}/api/v1/events`, { cookie });
            streams.push(opened);
            return opened;
          };
          const [bStream, cStream] = [await signInThere(s.users.b.email), await signInThere(s.users.c.email)];
          const a = await TestClient.signIn(vigil.app, s.users.a.email);
          const amber = await post(a, { tlp: 'AMBER', shareWith: [s.agencies.b] }, 'from process one');
          await bStream.waitFor((e) => (e.data as { entityId?: string }).entityId === amber.id);
          const clear = await post(a, { tlp: 'CLEAR' }, 'clear from process one');
          await cStream.waitFor((e) => (e.data as { entityId?: string }).entityId === clear.id);
          assert.ok(!cStream.entityIds().includes(amber.id));
        } finally {
          await other.stop();
        }
      });
    }
  });
}
