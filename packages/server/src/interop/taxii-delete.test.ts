import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { verifyJournal } from '@vigil/core/audit';
import { tlp2MarkingIds } from '@vigil/core/standards/stix';
import { taxiiMediaType } from '@vigil/core/standards/taxii';
import type { Vigil } from '../platform/create-vigil.ts';
import { readJournal, readJournalHead } from '../platform/journal/journal.store.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';
import { standardsPool } from './standards-pool.ts';

const accept = { accept: taxiiMediaType };
const json = { 'content-type': 'application/json' };

const indicator = (
  id: string,
  label: keyof typeof tlp2MarkingIds,
  modified = '2026-09-01T00:00:00.000Z',
) => ({
  type: 'indicator',
  spec_version: '2.1',
  id,
  created: '2026-09-01T00:00:00.000Z',
  modified,
  pattern: "[ipv4-addr:value = '198.51.100.9']",
  pattern_type: 'stix',
  valid_from: '2026-09-01T00:00:00Z',
  object_marking_refs: [tlp2MarkingIds[label]],
});
const red = 'indicator--a1000000-8a4f-4c8e-9f7a-1a2b3c4d5e6f';
const amber = 'indicator--a2000000-8a4f-4c8e-9f7a-1a2b3c4d5e6f';
const green = 'indicator--a3000000-8a4f-4c8e-9f7a-1a2b3c4d5e6f';
const v1 = '2026-09-01T00:00:00.000Z';
const v2 = '2026-09-02T00:00:00.000Z';

for (const { engine, create } of testEngines) {
  describe(`TAXII 2.1 DELETE of an object (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let a: TestClient;
    let b: TestClient;
    let c: TestClient;
    let shared: string;
    let closed: string;
    const objectUrl = (collection: string, id: string, query = '') =>
      `/taxii2/vigil/collections/${collection}/objects/${id}/${query}`;
    const versionsOf = async (client: TestClient, id: string) => {
      const response = await client.request('GET', `${objectUrl(shared, id)}versions/`, undefined, accept);
      return response.status === 200 ? response.json<{ versions: string[] }>().versions : response.status;
    };

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      const admin = await TestClient.signIn(vigil.app, s.users.admin.email);
      [a, b, c] = [
        await TestClient.signIn(vigil.app, s.users.a.email),
        await TestClient.signIn(vigil.app, s.users.b.email),
        await TestClient.signIn(vigil.app, s.users.c.email),
      ];
      const collection = async (title: string, access: unknown[]) => {
        const created = await admin.request(
          'POST',
          '/api/v1/interop/collections',
          JSON.stringify({ title, defaultTlp: 'GREEN', access }),
          json,
        );
        assert.equal(created.status, 201, JSON.stringify(created.body));
        return created.json<{ id: string }>().id;
      };
      // Owned by A: B reads and writes, C only reads. `closed` is granted to nobody but its owner.
      shared = await collection('Shared CTI', [
        { agencyId: s.agencies.b, canRead: true, canWrite: true },
        { agencyId: s.agencies.c, canRead: true, canWrite: false },
      ]);
      closed = await collection('A only', []);
      const bundle = {
        type: 'bundle',
        id: 'bundle--a9000000-8a4f-4c8e-9f7a-1a2b3c4d5e6f',
        objects: [
          indicator(red, 'RED'),
          indicator(amber, 'AMBER'),
          indicator(green, 'GREEN', v1),
          indicator(green, 'GREEN', v2),
        ],
      };
      for (const target of [shared, closed]) {
        const posted = await a.request(
          'POST',
          `/api/v1/interop/stix?collection=${target}`,
          JSON.stringify(bundle),
          json,
        );
        assert.equal(posted.status, 201, JSON.stringify(posted.body));
      }
    });
    after(async () => {
      await vigil.close();
      await database.drop();
      await standardsPool().close();
    });

    it('needs write permission on the collection: a reader gets 403, an agency without grant 404', async () => {
      const reader = await c.request('DELETE', objectUrl(shared, amber), undefined, accept);
      assert.equal(reader.status, 403, JSON.stringify(reader.body));
      assert.match(String(reader.headers['content-type']), /^application\/taxii\+json;version=2\.1/);
      assert.equal(reader.json<{ http_status: string }>().http_status, '403');
      const stranger = await b.request('DELETE', objectUrl(closed, amber), undefined, accept);
      assert.equal(stranger.status, 404);
      assert.deepEqual(await versionsOf(a, amber), [v1]);
    });

    it('an object the caller may not see answers 404 and stays', async () => {
      const hidden = await b.request('DELETE', objectUrl(shared, red), undefined, accept);
      assert.equal(hidden.status, 404, JSON.stringify(hidden.body));
      assert.equal(hidden.json<{ http_status: string }>().http_status, '404');
      assert.deepEqual(await versionsOf(a, red), [v1], 'the RED indicator is still there for its author');
      const unknown = await b.request(
        'DELETE',
        objectUrl(shared, 'indicator--00000000-0000-4000-8000-000000000000'),
        undefined,
        accept,
      );
      assert.equal(unknown.status, 404);
    });

    it('match[version] deletes only the chosen version; other filters are refused', async () => {
      const refused = await b.request(
        'DELETE',
        objectUrl(shared, green, '?match[type]=indicator'),
        undefined,
        accept,
      );
      assert.equal(refused.status, 400);
      assert.equal(refused.json<{ details: { field: string } }>().details.field, 'match[type]');
      const badVersion = await b.request(
        'DELETE',
        objectUrl(shared, green, '?match[version]=soon'),
        undefined,
        accept,
      );
      assert.equal(badVersion.status, 400);
      assert.deepEqual(await versionsOf(b, green), [v1, v2]);

      const first = await b.request(
        'DELETE',
        objectUrl(shared, green, `?match[version]=${v1}`),
        undefined,
        accept,
      );
      assert.equal(first.status, 200, JSON.stringify(first.body));
      assert.equal(first.headers['content-type'], taxiiMediaType);
      assert.deepEqual(await versionsOf(a, green), [v2]);
      const rest = await b.request('DELETE', objectUrl(shared, green), undefined, accept);
      assert.equal(rest.status, 200);
      assert.equal(await versionsOf(a, green), 404);
      // The same object in another collection is untouched.
      const elsewhere = await a.request(
        'GET',
        `/taxii2/vigil/collections/${closed}/objects/${green}/versions/`,
        undefined,
        accept,
      );
      assert.deepEqual(elsewhere.json<{ versions: string[] }>().versions, [v1, v2]);
    });

    it('a deletion is journaled under the marking of what went, and the chain still verifies', async () => {
      const deleted = await b.request('DELETE', objectUrl(shared, amber), undefined, accept);
      assert.equal(deleted.status, 200, JSON.stringify(deleted.body));
      assert.equal(await versionsOf(a, amber), 404);
      assert.equal(await versionsOf(c, amber), 404);
      const { db } = vigil.deps.database;
      const rows = await db
        .selectFrom('journal')
        .selectAll()
        .where('action', '=', 'stix.deleted')
        .orderBy('seq')
        .execute();
      const last = rows.at(-1);
      assert.ok(last);
      assert.equal(last.actor_user_id, s.users.b.id);
      assert.equal(last.entity_id, shared);
      assert.deepEqual(JSON.parse(last.change), { object: amber, versions: [v1], count: 1 });
      assert.equal(JSON.parse(last.marking ?? '{}').tlp, 'AMBER');
      // The two green deletions of the test before wrote one entry each.
      assert.equal(rows.filter((r) => JSON.parse(r.change).object === green).length, 2);
      const entries = [];
      for await (const entry of readJournal(db)) entries.push(entry);
      assert.equal(verifyJournal(entries, await readJournalHead(db)).ok, true);
    });
  });
}
