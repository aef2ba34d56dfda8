import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bulletin, BulletinList } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';

for (const { engine, create } of testEngines) {
  describe(`bulletins through HTTP honour markings (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let clients: Record<'a' | 'a2' | 'b' | 'b2' | 'bChild' | 'c' | 'les' | 'admin', TestClient>;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      const entries = await Promise.all(
        (['a', 'a2', 'b', 'b2', 'bChild', 'c', 'les', 'admin'] as const).map(
          async (key) => [key, await TestClient.signIn(vigil.app, s.users[key].email)] as const,
        ),
      );
      clients = Object.fromEntries(entries) as typeof clients;
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function post(client: TestClient, body: unknown): Promise<Bulletin> {
      const response = await client.post('/api/v1/bulletins', body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<Bulletin>();
    }

    const listFor = async (client: TestClient, query = '') =>
      (await client.get(`/api/v1/bulletins${query}`)).json<BulletinList>();

    it('a TLP:AMBER bulletin shared with B reaches B (and B’s sub-agency), never C', async () => {
      const amber = await post(clients.a, {
        title: 'Ransomware at the water utility',
        body: 'Indicators follow.',
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b] },
      });
      assert.equal(amber.marking.label, 'TLP:AMBER');
      assert.deepEqual(amber.marking.shareWith, [s.agencies.b]);

      for (const reader of [clients.a2, clients.b, clients.b2, clients.bChild]) {
        assert.equal((await reader.get(`/api/v1/bulletins/${amber.id}`)).status, 200);
        const list = await listFor(reader, '?tlp=AMBER');
        assert.ok(list.items.some((item) => item.id === amber.id));
        assert.equal(list.marking, 'AMBER');
      }
      const denied = await clients.c.get(`/api/v1/bulletins/${amber.id}`);
      assert.equal(denied.status, 404);
      assert.equal(denied.json().code, 'NOT_FOUND');
      const cList = await listFor(clients.c);
      assert.ok(!cList.items.some((item) => item.id === amber.id));
      assert.equal(cList.total, cList.items.length);
      assert.equal((await clients.c.get(`/api/v1/bulletins/${amber.id}/history`)).status, 404);
      const bHistory = (await clients.b.get(`/api/v1/bulletins/${amber.id}/history`)).json<{
        items: { action: string }[];
      }>();
      assert.deepEqual(
        bHistory.items.map((e) => e.action),
        ['bulletin.created'],
      );
    });

    it('counts exclude what the caller may not see', async () => {
      const before = await listFor(clients.c);
      const beforeB = await listFor(clients.b);
      await post(clients.a, {
        title: 'strict',
        body: 'x',
        marking: { tlp: 'AMBER+STRICT', shareWith: [s.agencies.b] },
      });
      await post(clients.a, { title: 'open', body: 'x', marking: { tlp: 'CLEAR' } });
      assert.equal((await listFor(clients.c)).total, before.total + 1);
      assert.equal((await listFor(clients.b)).total, beforeB.total + 2);
    });

    it('TLP:AMBER+STRICT stays in the listed organisation: no sub-agencies', async () => {
      const strict = await post(clients.a, {
        title: 'Hospital fuel',
        body: 'x',
        marking: { tlp: 'AMBER+STRICT', shareWith: [s.agencies.b] },
      });
      assert.equal((await clients.b.get(`/api/v1/bulletins/${strict.id}`)).status, 200);
      assert.equal((await clients.bChild.get(`/api/v1/bulletins/${strict.id}`)).status, 404);
    });

    it('TLP:RED reaches only the named people, not their colleagues', async () => {
      const red = await post(clients.a, {
        title: 'Source reporting',
        body: 'x',
        marking: { tlp: 'RED', shareWith: [s.users.b.id] },
      });
      assert.deepEqual(red.marking.shareWith, [s.users.b.id]);
      assert.equal((await clients.a.get(`/api/v1/bulletins/${red.id}`)).status, 200, 'the author');
      assert.equal((await clients.b.get(`/api/v1/bulletins/${red.id}`)).status, 200, 'the named person');
      for (const other of [clients.a2, clients.b2, clients.bChild, clients.c, clients.admin]) {
        assert.equal((await other.get(`/api/v1/bulletins/${red.id}`)).status, 404);
        assert.ok(!(await listFor(other)).items.some((item) => item.id === red.id));
      }
    });

    it('caveats demand the attribute, and reads of LES/PII records are journaled', async () => {
      const les = await post(clients.les, {
        title: 'Case notes',
        body: 'x',
        marking: { tlp: 'CLEAR', caveats: ['LES'] },
      });
      assert.equal(
        (await clients.c.get(`/api/v1/bulletins/${les.id}`)).status,
        404,
        'same agency, no attribute',
      );
      assert.equal((await clients.les.get(`/api/v1/bulletins/${les.id}`)).status, 200);
      const reads = await vigil.deps.database.db
        .selectFrom('journal')
        .select(['action', 'kind', 'actor_user_id'])
        .where('entity_id', '=', les.id)
        .where('action', '=', 'bulletin.read')
        .execute();
      assert.deepEqual(reads, [{ action: 'bulletin.read', kind: 'access', actor_user_id: s.users.les.id }]);
      // Lists show content too, so a list that shows it journals the read as well.
      const listed = await listFor(clients.les, '?q=Case%20notes');
      assert.deepEqual(
        listed.items.map((item) => item.id),
        [les.id],
      );
      const viaList = await vigil.deps.database.db
        .selectFrom('journal')
        .select('change')
        .where('entity_id', '=', les.id)
        .where('action', '=', 'bulletin.read')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        viaList.map((row) => JSON.parse(row.change)),
        [{ via: 'record' }, { via: 'list' }],
      );
    });

    it('refuses an unknown label or share target with a 400 naming the field, never a downgrade', async () => {
      const label = await clients.a.post('/api/v1/bulletins', {
        title: 't',
        body: 'b',
        marking: { tlp: 'WHITE' },
      });
      assert.equal(label.status, 400);
      assert.equal(label.json().field, 'marking.tlp');
      const target = await clients.a.post('/api/v1/bulletins', {
        title: 't',
        body: 'b',
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b, 'no-such-agency'] },
      });
      assert.equal(target.status, 400);
      assert.equal(target.json().code, 'UNKNOWN_SHARE_TARGET');
      assert.equal(target.json().field, 'marking.shareWith[1]');
      const redToAgency = await clients.a.post('/api/v1/bulletins', {
        title: 't',
        body: 'b',
        marking: { tlp: 'RED', shareWith: [s.agencies.b] },
      });
      assert.equal(redToAgency.status, 400, 'RED shares with people, not agencies');
      assert.equal(redToAgency.json().field, 'marking.shareWith[0]');
    });

    it('only the owning agency may lower a marking; partners may edit and raise', async () => {
      const bulletin = await post(clients.a, {
        title: 'Joint notice',
        body: 'v1',
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b] },
      });
      const edited = await clients.b.patch(`/api/v1/bulletins/${bulletin.id}`, {
        body: 'v2 from B',
        version: 1,
      });
      assert.equal(edited.status, 200);
      assert.equal(edited.json<Bulletin>().version, 2);
      const lowered = await clients.b.patch(`/api/v1/bulletins/${bulletin.id}`, {
        marking: { tlp: 'GREEN' },
      });
      assert.equal(lowered.status, 403);
      assert.equal(lowered.json().code, 'MARKING_LOWER_FORBIDDEN');
      const widened = await clients.b.patch(`/api/v1/bulletins/${bulletin.id}`, {
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b, s.agencies.c] },
      });
      assert.equal(widened.json().code, 'MARKING_LOWER_FORBIDDEN');
      const stale = await clients.a.patch(`/api/v1/bulletins/${bulletin.id}`, { body: 'v3', version: 1 });
      assert.equal(stale.status, 409);
      const byOwner = await clients.a.patch(`/api/v1/bulletins/${bulletin.id}`, {
        marking: { tlp: 'GREEN' },
      });
      assert.equal(byOwner.status, 200);
      assert.equal(byOwner.json<Bulletin>().marking.tlp, 'GREEN');
      assert.equal(
        (await clients.c.get(`/api/v1/bulletins/${bulletin.id}`)).status,
        200,
        'GREEN reaches the community',
      );
      const history = (await clients.a.get(`/api/v1/bulletins/${bulletin.id}/history`)).json<{
        items: { action: string; tlp: string }[];
      }>();
      assert.deepEqual(
        history.items.map((e) => `${e.action}:${e.tlp}`),
        ['bulletin.created:AMBER', 'bulletin.updated:AMBER', 'bulletin.updated:GREEN'],
      );
      const cHistory = (await clients.c.get(`/api/v1/bulletins/${bulletin.id}/history`)).json<{
        items: { tlp: string }[];
      }>();
      assert.deepEqual(
        cHistory.items.map((e) => e.tlp),
        ['GREEN'],
        'entries written under AMBER stay hidden from C',
      );
    });

    it('retraction: owner only, recorded, and shown as retracted', async () => {
      const bulletin = await post(clients.a, {
        title: 'Wrong shelter address',
        body: 'x',
        marking: { tlp: 'GREEN' },
      });
      const byOther = await clients.b.post(`/api/v1/bulletins/${bulletin.id}/retract`, { reason: 'no' });
      assert.equal(byOther.status, 403);
      const retracted = await clients.a2.post(`/api/v1/bulletins/${bulletin.id}/retract`, {
        reason: 'address was wrong',
      });
      assert.equal(retracted.status, 200);
      assert.equal(retracted.json<Bulletin>().status, 'retracted');
      assert.equal(
        (await clients.a.post(`/api/v1/bulletins/${bulletin.id}/retract`, { reason: 'again' })).status,
        409,
      );
      const list = await listFor(clients.c, '?status=retracted');
      assert.ok(list.items.some((item) => item.id === bulletin.id));
    });

    it('filters by agency and text, with % and _ taken literally', async () => {
      await post(clients.b, {
        title: 'Shelter 100% full',
        body: 'Norfolk shelter_2 at capacity',
        marking: { tlp: 'GREEN' },
      });
      const byText = await listFor(clients.c, '?q=100%25');
      assert.deepEqual(
        byText.items.map((i) => i.title),
        ['Shelter 100% full'],
      );
      assert.equal((await listFor(clients.c, '?q=shelter_2')).total, 1);
      assert.equal((await listFor(clients.c, '?q=shelterX2')).total, 0);
      const byAgency = await listFor(clients.c, `?agencyId=${s.agencies.b}`);
      assert.ok(
        byAgency.items.length > 0 && byAgency.items.every((i) => i.marking.ownerAgencyId === s.agencies.b),
      );
    });

    it('filters narrow what the caller sees, never widen it', async () => {
      const internal = await post(clients.a, {
        title: 'Agency A internal roster',
        body: 'x',
        marking: { tlp: 'AMBER' },
      });
      // Each filter alone, and the owner filter naming the very agency that may see it.
      for (const query of [
        `?agencyId=${s.agencies.a}`,
        '?tlp=AMBER',
        '?q=internal%20roster',
        '?status=published',
      ]) {
        const seenByC = await listFor(clients.c, query);
        assert.ok(!seenByC.items.some((item) => item.id === internal.id), `C ${query}`);
        const seenByA2 = await listFor(clients.a2, query);
        assert.ok(
          seenByA2.items.some((item) => item.id === internal.id),
          `A2 ${query}`,
        );
      }
      assert.equal((await listFor(clients.c, `?agencyId=${s.agencies.a}&tlp=AMBER`)).total, 0);
    });

    it('a viewer may read but not write', async () => {
      const refused = await clients.b2.post('/api/v1/bulletins', {
        title: 't',
        body: 'b',
        marking: { tlp: 'CLEAR' },
      });
      assert.equal(refused.status, 403);
      assert.equal(refused.json().code, 'PERMISSION_DENIED');
    });
  });
}
