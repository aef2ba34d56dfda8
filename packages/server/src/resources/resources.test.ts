import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Incident, NearestItem, Resource, ResourceRequest } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';

const ast1 = 'ambulance-strike-team/type-1';
const norfolk = { lat: 36.8508, lon: -76.2859 };

for (const { engine, create } of testEngines) {
  describe(`resources, dispatch and mutual aid through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let a: TestClient;
    let b: TestClient;
    let b2: TestClient;
    let c: TestClient;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      const signIn = (key: 'a' | 'b' | 'b2' | 'c') => TestClient.signIn(vigil.app, s.users[key].email);
      [a, b, b2, c] = [await signIn('a'), await signIn('b'), await signIn('b2'), await signIn('c')];
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function addResource(client: TestClient, body: Record<string, unknown>): Promise<Resource> {
      const response = await client.post('/api/v1/resources', body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<Resource>();
    }
    const nearest = async (client: TestClient, query: string) => {
      const response = await client.get(`/api/v1/resources/nearest?${query}`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.json<{ items: NearestItem[] }>().items;
    };

    it('registers resources per the contract and answers nearest available first, with ETA', async () => {
      const near = await addResource(a, {
        name: 'AST 1 Chesapeake',
        resourceType: ast1,
        lat: 36.77,
        lon: -76.29,
        status: 'available',
      });
      const far = await addResource(a, {
        name: 'AST 1 Richmond',
        resourceType: ast1,
        lat: 37.54,
        lon: -77.43,
        status: 'available',
      });
      const busy = await addResource(a, {
        name: 'AST 1 Norfolk',
        resourceType: ast1,
        lat: 36.85,
        lon: -76.28,
        status: 'assigned',
      });
      assert.equal(near.status, 'available');
      assert.equal(near.typeLabel, 'Ambulance Strike Team Type 1');
      assert.equal(near.marking.tlp, 'GREEN');
      const items = await nearest(
        a,
        `type=${encodeURIComponent(ast1)}&lat=${norfolk.lat}&lon=${norfolk.lon}&k=5`,
      );
      assert.deepEqual(
        items.map((item) => item.id),
        [near.id, far.id],
      );
      assert.ok(!items.some((item) => item.id === busy.id), 'assigned resources are not offered');
      const first = items[0] as NearestItem;
      assert.ok(first.distanceKm > 8 && first.distanceKm < 10, `distance ${first.distanceKm}`);
      // ETA = distance × 1.3 ÷ 60 km/h for a strike team convoy.
      assert.ok(
        Math.abs(first.etaMinutes - (first.distanceKm * 1.3 * 60) / 60) < 0.2,
        `eta ${first.etaMinutes}`,
      );
    });

    it('honours a status change on the next query', async () => {
      const created = await addResource(a, {
        name: 'Gen 3 Norfolk',
        resourceType: 'generator/type-3',
        lat: 36.86,
        lon: -76.3,
        status: 'available',
      });
      const query = `type=generator%2Ftype-3&lat=${norfolk.lat}&lon=${norfolk.lon}`;
      assert.deepEqual(
        (await nearest(a, query)).map((i) => i.id),
        [created.id],
      );
      assert.equal(
        (await a.patch(`/api/v1/resources/${created.id}`, { status: 'out_of_service' })).status,
        200,
      );
      assert.deepEqual(await nearest(a, query), []);
      const back = await a.patch(`/api/v1/resources/${created.id}`, {
        status: 'available',
        lat: 36.9,
        lon: -76.2,
      });
      assert.equal(back.json<Resource>().lat, 36.9);
      assert.deepEqual(
        (await nearest(a, query)).map((i) => i.id),
        [created.id],
      );
    });

    it('offers only resources the caller may see', async () => {
      const hidden = await addResource(b, {
        name: 'B strict generator',
        resourceType: 'generator/type-1',
        lat: 36.85,
        lon: -76.29,
        status: 'available',
        marking: { tlp: 'AMBER+STRICT' },
      });
      const query = `type=generator%2Ftype-1&lat=${norfolk.lat}&lon=${norfolk.lon}`;
      assert.deepEqual(
        (await nearest(b2, query)).map((i) => i.id),
        [hidden.id],
      );
      assert.deepEqual(await nearest(c, query), []);
      assert.equal((await c.get(`/api/v1/resources/${hidden.id}`)).status, 404);
      assert.equal((await c.patch(`/api/v1/resources/${hidden.id}`, { status: 'assigned' })).status, 404);
    });

    it('refuses bad input naming the field, and edits by other agencies', async () => {
      const bad = await a.post('/api/v1/resources', {
        name: 'x',
        resourceType: ast1,
        lat: 95,
        lon: 0,
        status: 'available',
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.json().code, 'VALIDATION_FAILED');
      assert.equal(bad.json().field, 'lat');
      const status = await a.post('/api/v1/resources', {
        name: 'x',
        resourceType: ast1,
        lat: 37,
        lon: -77,
        status: 'parked',
      });
      assert.equal(status.json().field, 'status');
      const k = await a.get(`/api/v1/resources/nearest?type=x&lat=37&lon=-77&k=0`);
      assert.equal(k.status, 400);
      assert.equal(k.json().field, 'k');
      const other = await a.post('/api/v1/resources', {
        name: 'x',
        resourceType: ast1,
        lat: 37,
        lon: -77,
        status: 'available',
        agencyId: s.agencies.b,
      });
      assert.equal(other.status, 403);
      const mine = await addResource(a, {
        name: 'mine',
        resourceType: 'engine-fire/type-1',
        lat: 37,
        lon: -77,
        status: 'available',
      });
      assert.equal((await c.patch(`/api/v1/resources/${mine.id}`, { status: 'assigned' })).status, 403);
    });

    it('mutual aid: A requests, B fills from its inventory; both see the request and the assignment, C sees neither', async () => {
      const incident = (
        await a.post('/api/v1/incidents', {
          name: 'Hurricane landfall, Norfolk',
          category: 'natural',
          hazard: 'hurricane',
          lat: norfolk.lat,
          lon: norfolk.lon,
          marking: { tlp: 'GREEN' },
        })
      ).json<Incident>();
      const bTeams = [
        await addResource(b, {
          name: 'B AST 1 east',
          resourceType: 'ambulance-strike-team/type-2',
          lat: 36.84,
          lon: -76.27,
          status: 'available',
        }),
        await addResource(b, {
          name: 'B AST 1 west',
          resourceType: 'ambulance-strike-team/type-2',
          lat: 36.84,
          lon: -76.3,
          status: 'available',
        }),
      ];
      const created = await a.post(`/api/v1/incidents/${incident.id}/resource-requests`, {
        quantity: 2,
        resourceType: 'ambulance-strike-team/type-2',
        deliveryLocation: 'Norfolk Scope staging area',
        deliveryLat: 36.8525,
        deliveryLon: -76.2871,
        priority: 'urgent',
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const request = created.json<ResourceRequest>();
      assert.equal(request.marking.tlp, 'AMBER', 'a request is never more public than AMBER by default');
      const act = (client: TestClient, body: unknown) =>
        client.post(`/api/v1/resource-requests/${request.id}/actions`, body);

      const early = await act(a, { action: 'fill', resourceIds: bTeams.map((t) => t.id) });
      assert.equal(early.status, 409);
      assert.match(early.json<{ detail: string }>().detail, /from requested to filled/);
      assert.equal((await act(a, { action: 'approve' })).status, 200);
      assert.equal(
        (await b.get(`/api/v1/resource-requests/${request.id}`)).status,
        404,
        'B does not see it before it is asked',
      );

      const suggested = (await a.get(`/api/v1/resource-requests/${request.id}/suggestions`)).json<{
        items: NearestItem[];
      }>().items;
      const fromB = suggested.filter((item) => item.agencyId === s.agencies.b).slice(0, 2);
      assert.deepEqual(new Set(fromB.map((i) => i.id)), new Set(bTeams.map((t) => t.id)));
      const asked = (
        await act(a, { action: 'fill', resourceIds: fromB.map((i) => i.id) })
      ).json<ResourceRequest>();
      assert.equal(asked.status, 'mutual-aid-requested');
      assert.equal(asked.supplierAgencyId, s.agencies.b);
      assert.deepEqual(asked.marking.shareWith, [s.agencies.b]);

      assert.equal((await act(c, { action: 'accept' })).status, 404, 'C cannot even find it');
      assert.equal((await act(a, { action: 'accept' })).status, 403, 'only the supplier accepts');
      const filled = (await act(b, { action: 'accept' })).json<ResourceRequest>();
      assert.equal(filled.status, 'filled');
      assert.ok(filled.estimatedArrival);

      for (const viewer of [a, b]) {
        const list = (await viewer.get(`/api/v1/resource-requests?incidentId=${incident.id}`)).json<{
          items: ResourceRequest[];
        }>();
        assert.deepEqual(
          list.items.map((item) => item.id),
          [request.id],
        );
        for (const team of bTeams) {
          const seen = (await viewer.get(`/api/v1/resources/${team.id}`)).json<Resource>();
          assert.equal(seen.status, 'assigned');
          assert.equal(seen.requestId, request.id);
        }
      }
      assert.equal((await c.get(`/api/v1/resource-requests/${request.id}`)).status, 404);
      assert.deepEqual((await c.get('/api/v1/resource-requests')).json<{ items: unknown[] }>().items, []);

      // The steps move on, each with its time; check-in moves the teams to the staging area.
      for (const [client, action] of [
        [b, 'mobilize'],
        [a, 'check-in'],
      ] as const) {
        assert.equal((await act(client, { action })).status, 200, action);
      }
      const there = (await a.get(`/api/v1/resources/${bTeams[0]?.id}`)).json<Resource>();
      assert.equal(there.lat, 36.8525);
      const done = (await act(a, { action: 'demobilize' })).json<ResourceRequest>();
      assert.deepEqual(
        done.steps.map((step) => step.status),
        ['requested', 'approved', 'mutual-aid-requested', 'filled', 'mobilized', 'checked-in', 'demobilized'],
      );
      const home = (await b.get(`/api/v1/resources/${bTeams[0]?.id}`)).json<Resource>();
      assert.equal(home.status, 'available');
      assert.equal(home.lat, 36.84);
      const again = await act(a, { action: 'demobilize' });
      assert.equal(again.status, 409);
      assert.match(again.json<{ detail: string }>().detail, /from demobilized to demobilized/);
    });

    it('counter-offer and decline go back to the requester', async () => {
      const incident = (
        await a.post('/api/v1/incidents', {
          name: 'Flooding',
          category: 'natural',
          hazard: 'riverine flooding',
          lat: 37.5,
          lon: -77.4,
          marking: { tlp: 'AMBER' },
        })
      ).json<Incident>();
      const offered = await addResource(b, {
        name: 'B gen 2',
        resourceType: 'generator/type-2',
        lat: 37.5,
        lon: -77.41,
        status: 'available',
      });
      const better = await addResource(b, {
        name: 'B gen 1',
        resourceType: 'generator/type-1',
        lat: 37.6,
        lon: -77.5,
        status: 'available',
      });
      const request = (
        await a.post(`/api/v1/incidents/${incident.id}/resource-requests`, {
          quantity: 1,
          resourceType: 'generator/type-2',
          deliveryLocation: 'VCU Medical Center',
          deliveryLat: 37.54,
          deliveryLon: -77.43,
        })
      ).json<ResourceRequest>();
      const act = (client: TestClient, body: unknown) =>
        client.post(`/api/v1/resource-requests/${request.id}/actions`, body);
      await act(a, { action: 'approve' });
      await act(a, { action: 'fill', resourceIds: [offered.id] });
      const countered = (
        await act(b, {
          action: 'counter-offer',
          resourceIds: [better.id],
          note: 'Type 1 instead; Type 2 is needed here',
        })
      ).json<ResourceRequest>();
      assert.equal(countered.status, 'counter-offered');
      assert.deepEqual(countered.resourceIds, [better.id]);
      const accepted = (await act(a, { action: 'accept-counter' })).json<ResourceRequest>();
      assert.equal(accepted.status, 'filled');
      assert.equal((await b.get(`/api/v1/resources/${better.id}`)).json<Resource>().status, 'assigned');
      const stuck = await b.patch(`/api/v1/resources/${better.id}`, { status: 'available' });
      assert.equal(stuck.status, 409, 'a committed resource leaves through its request');
      const cancelled = (await act(a, { action: 'cancel', note: 'power restored' })).json<ResourceRequest>();
      assert.equal(cancelled.status, 'cancelled');
      assert.equal((await b.get(`/api/v1/resources/${better.id}`)).json<Resource>().status, 'available');
    });
  });
}
