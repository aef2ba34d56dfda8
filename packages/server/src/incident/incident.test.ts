import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import type { Incident, IncidentItem, IncidentList, Resource, ResourceRequest } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';

/** The text a PDF draws: pdf-lib writes hex strings (`<48656C6C6F> Tj`) in Flate-compressed content streams. */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content = match[1] ?? '';
    try {
      content = inflateSync(Buffer.from(content, 'latin1')).toString('latin1');
    } catch {
      // not compressed
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)> Tj/g))
      texts.push(Buffer.from(hex[1] ?? '', 'hex').toString('latin1'));
  }
  return texts.join('\n');
}

for (const { engine, create } of testEngines) {
  describe(`incidents, ICS records and forms through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let a: TestClient;
    let b: TestClient;
    let c: TestClient;
    let incident: Incident;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      const signIn = (key: 'a' | 'b' | 'c') => TestClient.signIn(vigil.app, s.users[key].email);
      [a, b, c] = [await signIn('a'), await signIn('b'), await signIn('c')];
      const created = await a.post('/api/v1/incidents', {
        name: 'Hurricane Delia landfall',
        category: 'natural',
        hazard: 'hurricane',
        description: 'Category 2 hurricane, landfall near Norfolk at 06:00.',
        severity: 'major',
        complexity: 2,
        lat: 36.85,
        lon: -76.29,
        jurisdictions: ['51710', '51810'],
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b] },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      incident = created.json<Incident>();
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    const add = async (client: TestClient, collection: string, body: unknown): Promise<IncidentItem> => {
      const response = await client.post(`/api/v1/incidents/${incident.id}/${collection}`, body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<IncidentItem>();
    };

    it('numbers the incident, keeps its marking, and hides it from an unrelated agency', async () => {
      assert.match(incident.number, /^INC-\d{4}-0001$/);
      assert.equal(incident.status, 'reported');
      assert.equal((await b.get(`/api/v1/incidents/${incident.id}`)).status, 200);
      assert.equal((await c.get(`/api/v1/incidents/${incident.id}`)).status, 404);
      assert.equal((await c.get(`/api/v1/incidents/${incident.id}/objectives`)).status, 404);
      assert.equal((await c.post(`/api/v1/incidents/${incident.id}/log`, { activity: 'x' })).status, 404);
      assert.equal((await c.get('/api/v1/incidents')).json<IncidentList>().total, 0);
    });

    it('moves through its life cycle and refuses illegal transitions naming from and to', async () => {
      const moved = await a.post(`/api/v1/incidents/${incident.id}/status`, { status: 'active' });
      assert.equal(moved.json<Incident>().status, 'active');
      const refused = await a.post(`/api/v1/incidents/${incident.id}/status`, { status: 'reported' });
      assert.equal(refused.status, 409);
      assert.equal(refused.json().code, 'INVALID_STATE');
      assert.match(refused.json<{ detail: string }>().detail, /from active to reported/);
    });

    it('keeps ICS positions with their history, periods, objectives, assignments, log, decisions and sitreps', async () => {
      const first = await add(a, 'positions', {
        position: 'incident-commander',
        personName: 'Chief R. Moore',
      });
      await add(a, 'positions', {
        position: 'incident-commander',
        personName: 'Chief L. Grant',
        // From agency B, on an incident agency A owns: ICS 209 names B as the commander's agency.
        userId: s.users.b.id,
      });
      const positions = (await b.get(`/api/v1/incidents/${incident.id}/positions`)).json<{
        items: IncidentItem<'positions'>[];
      }>().items;
      assert.equal(positions.length, 2);
      assert.ok(positions.find((p) => p.id === first.id)?.body.relievedAt, 'the first IC was relieved');
      const period = await add(a, 'periods', {
        startsAt: '2026-09-15T06:00:00Z',
        endsAt: '2026-09-15T18:00:00Z',
        commandEmphasis: 'Life safety first: complete hospital evacuations before surge.',
      });
      const objective = await add(b, 'objectives', {
        periodId: period.id,
        text: 'Evacuate 412 patients from Sentara Norfolk General by 18:00',
      });
      assert.equal(objective.number, 1);
      const badPeriod = await a.post(`/api/v1/incidents/${incident.id}/objectives`, {
        periodId: 'nope',
        text: 'x',
      });
      assert.equal(badPeriod.status, 400);
      assert.equal(badPeriod.json().field, 'periodId');
      await add(a, 'assignments', {
        periodId: period.id,
        divisionGroup: 'Medical Group',
        supervisor: 'Capt. J. Ruiz',
        workAssignment: 'Move non-ambulatory patients to the staging area',
      });
      await add(a, 'log', { activity: 'Surge reached 7.5 ft at Sewells Point', significant: true });
      const decisionInput = {
        question: 'Evacuate Sentara Norfolk General before landfall?',
        options: [{ label: 'Evacuate now' }, { label: 'Shelter in place' }],
        criteria: ['patient safety', 'generator fuel endurance'],
        informationUsed: [{ label: 'Hospital fuel bulletin', ref: '/bulletins/demo' }],
        chosenOption: 'Evacuate now',
        rationale: 'Fuel for 48 h only; surge may cut resupply for 72 h.',
        decidedByName: 'Dana Whitfield',
        confidence: 'medium',
      };
      const decision = await add(a, 'decisions', decisionInput);
      const wrong = await a.post(`/api/v1/incidents/${incident.id}/decisions`, {
        ...decisionInput,
        chosenOption: 'Wait',
      });
      assert.equal(wrong.json().field, 'chosenOption');
      const outcome = await a.patch(`/api/v1/incidents/${incident.id}/decisions/${decision.id}`, {
        outcome: 'All patients moved by 17:10.',
      });
      assert.equal(outcome.json<IncidentItem<'decisions'>>().body.outcome, 'All patients moved by 17:10.');
      await add(a, 'sitreps', {
        reportVersion: 'initial',
        fromTime: '2026-09-15T06:00:00Z',
        toTime: '2026-09-15T18:00:00Z',
        percentContained: 10,
        criticalResourceNeeds: 'Ambulance strike teams; generators for two hospitals',
        civilians: {
          fatalities: 0,
          injured: 14,
          trappedOrInNeedOfRescue: 3,
          missing: 1,
          evacuated: 5200,
          shelteringInPlace: 0,
          inTemporaryShelters: 2100,
        },
      });
      const history = (await a.get(`/api/v1/incidents/${incident.id}/history`)).json<{
        items: { action: string }[];
      }>().items;
      assert.ok(history.some((entry) => entry.action === 'incident.decisions.updated'));
    });

    it('prints the ICS forms with the record’s values, as HTML and PDF', async () => {
      const resource = (
        await b.post('/api/v1/resources', {
          name: 'Chesapeake AST 1',
          resourceType: 'ambulance-strike-team/type-1',
          lat: 36.77,
          lon: -76.29,
          status: 'available',
        })
      ).json<Resource>();
      const request = (
        await a.post(`/api/v1/incidents/${incident.id}/resource-requests`, {
          quantity: 1,
          resourceType: 'ambulance-strike-team/type-1',
          description: 'ALS strike team for hospital evacuation',
          deliveryLocation: 'Norfolk Scope staging area',
          deliveryLat: 36.8525,
          deliveryLon: -76.2871,
          priority: 'urgent',
          requestedByPosition: 'Logistics Section Chief',
        })
      ).json<ResourceRequest>();
      await a.post(`/api/v1/resource-requests/${request.id}/actions`, { action: 'approve' });
      await a.post(`/api/v1/resource-requests/${request.id}/actions`, {
        action: 'fill',
        resourceIds: [resource.id],
      });

      const html = async (form: string) => {
        const response = await a.get(`/api/v1/incidents/${incident.id}/forms/${form}`);
        assert.equal(response.status, 200);
        assert.match(String(response.headers['content-type']), /text\/html/);
        return String(response.body);
      };
      const f201 = await html('ics-201');
      for (const value of [
        'Hurricane Delia landfall',
        incident.number,
        'Chief L. Grant',
        'Evacuate 412 patients',
      ])
        assert.ok(f201.includes(value), value);
      assert.ok(f201.includes('TLP:AMBER'));
      assert.ok((await html('ics-202')).includes('Life safety first'));
      const f204 = await html('ics-204');
      assert.ok(f204.includes('Medical Group') && f204.includes('Capt. J. Ruiz'));
      const f209 = await html('ics-209');
      for (const value of ['5200', '2100', 'Ambulance strike teams; generators', 'Type 2', '10 %'])
        assert.ok(f209.includes(value), value);
      assert.ok(f209.includes('Chief L. Grant — Agency B'), 'block 4 names the commander’s own agency');
      assert.ok(!f209.includes('Chief L. Grant — Agency A'), 'not the agency that owns the incident');
      const f214 = await html('ics-214');
      assert.ok(f214.includes('Surge reached 7.5 ft'));
      const f213 = await html(`ics-213rr?item=${request.id}`);
      for (const value of [
        request.number,
        'Norfolk Scope staging area',
        'Ambulance Strike Team',
        'Urgent',
        'Logistics Section Chief',
      ]) {
        assert.ok(f213.includes(value), value);
      }

      const pdf = await a.get(
        `/api/v1/incidents/${incident.id}/forms/ics-213rr?format=pdf&item=${request.id}`,
      );
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.match(String(pdf.headers['content-disposition']), /attachment; filename="ics-213rr-/);
      const bytes = Buffer.from(pdf.body as string, 'latin1');
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const text = pdfText(
        Buffer.from(
          (
            await vigil.app.inject({
              method: 'GET',
              url: `/api/v1/incidents/${incident.id}/forms/ics-213rr?format=pdf&item=${request.id}`,
              headers: { cookie: a.cookie },
            })
          ).rawPayload,
        ),
      );
      for (const value of [
        'Resource Request Message',
        request.number,
        'Norfolk Scope staging area',
        'TLP:AMBER',
        'Hurricane Delia landfall',
      ]) {
        assert.ok(text.includes(value), `${value} in the PDF`);
      }
      assert.equal((await c.get(`/api/v1/incidents/${incident.id}/forms/ics-201`)).status, 404);
    });
  });
}
