import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { AvoidedLoss, CapabilityGap, RiskCountyDetail, RiskCountyList, RiskRecord } from '@vigil/core';
import type { Vigil } from '../platform/create-vigil.ts';
import { TestClient } from '../testing/test-client.ts';
import { type TestDatabase, testEngines } from '../testing/test-engines.ts';
import { type Scenario, seedScenario, startTestVigil } from '../testing/test-vigil.ts';
import { importNriTable } from './nri.actions.ts';

const virginiaCsv = readFileSync(
  new URL('../../../../data/nri-virginia/NRI_Table_Counties_Virginia.csv', import.meta.url),
  'utf8',
);

const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

for (const { engine, create } of testEngines) {
  describe(`risk through HTTP (${engine})`, () => {
    let database: TestDatabase;
    let vigil: Vigil;
    let s: Scenario;
    let clients: Record<'a' | 'a2' | 'b' | 'c' | 'les', TestClient>;

    before(async () => {
      database = await create();
      vigil = await startTestVigil(database);
      s = await seedScenario(vigil);
      const entries = await Promise.all(
        (['a', 'a2', 'b', 'c', 'les'] as const).map(
          async (key) => [key, await TestClient.signIn(vigil.app, s.users[key].email)] as const,
        ),
      );
      clients = Object.fromEntries(entries) as typeof clients;
    });
    after(async () => {
      await vigil.close();
      await database.drop();
    });

    async function created(client: TestClient, path: string, body: unknown): Promise<RiskRecord> {
      const response = await client.post(`/api/v1/risk/${path}`, body);
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.json<RiskRecord>();
    }

    it('answers 404 with a hint before any NRI import', async () => {
      const response = await clients.b.get('/api/v1/risk/counties');
      assert.equal(response.status, 404);
      assert.match(response.json<{ detail: string }>().detail, /vigil risk import/);
    });

    it('imports the NRI table and journals the import', async () => {
      const result = await importNriTable(vigil.deps, null, virginiaCsv);
      assert.deepEqual(result, { counties: 133, release: 'March 2023' });
      // A second import replaces, never duplicates.
      await importNriTable(vigil.deps, null, virginiaCsv);
      const rows = await vigil.deps.database.db
        .selectFrom('journal')
        .select('action')
        .where('action', '=', 'nri-table.imported')
        .execute();
      assert.equal(rows.length, 2);
    });

    it('lists every county with Vigil’s figures equal to FEMA’s, published ones beside', async () => {
      const list = (await clients.b.get('/api/v1/risk/counties')).json<RiskCountyList>();
      assert.equal(list.items.length, 133);
      assert.equal(list.marking, 'CLEAR');
      assert.equal(list.scenario, null);
      for (const item of list.items) {
        assert.ok(relativeError(item.riskValue, item.published.riskValue as number) < 1e-9, item.stcofips);
        assert.ok(relativeError(item.eal.total, item.published.ealValue as number) < 1e-9, item.stcofips);
      }
      const fairfax = list.items.find((item) => item.stcofips === '51059');
      assert.equal(fairfax?.stateRank, 1);
      assert.equal(fairfax?.published.riskRating, 'Relatively Moderate');
      assert.ok((fairfax?.hazardEal.RFLD ?? 0) > 0);
    });

    it('shows a county’s hazard breakdown, and refuses unknown or malformed codes', async () => {
      const detail = (await clients.b.get('/api/v1/risk/counties/51059')).json<RiskCountyDetail>();
      assert.equal(detail.county, 'Fairfax');
      assert.equal(detail.countyType, 'County');
      assert.ok(relativeError(detail.riskValue, detail.published.riskValue as number) < 1e-9);
      const norfolk = (await clients.b.get('/api/v1/risk/counties/51710')).json<RiskCountyDetail>();
      assert.deepEqual([norfolk.county, norfolk.countyType, norfolk.stateRank], ['Norfolk', 'City', 2]);
      assert.ok(relativeError(norfolk.riskValue, norfolk.published.riskValue as number) < 1e-9);
      const rfld = detail.hazards.find((hazard) => hazard.code === 'RFLD');
      assert.equal(rfld?.name, 'Riverine Flooding');
      assert.ok(relativeError(rfld?.eal.total as number, rfld?.published.ealTotal as number) < 1e-6);
      assert.equal((await clients.b.get('/api/v1/risk/counties/51999')).status, 404);
      const bad = await clients.b.get('/api/v1/risk/counties/5105');
      assert.equal(bad.status, 400);
      assert.equal(bad.json().field, 'stcofips');
    });

    it('projects a climate scenario the viewer may see, and hides it from others', async () => {
      const scenario = await created(clients.a2, 'climate-scenarios', {
        data: { name: '2050 test', horizonYear: 2050, multipliers: { CFLD: 2, HWAV: 1.5 } },
        marking: { tlp: 'AMBER', shareWith: [s.agencies.b] },
      });
      const list = (
        await clients.b.get(`/api/v1/risk/counties?scenarioId=${scenario.id}`)
      ).json<RiskCountyList>();
      assert.equal(list.marking, 'AMBER', 'the projection carries the scenario’s label');
      assert.equal(list.scenario?.name, '2050 test');
      const norfolk = list.items.find((item) => item.stcofips === '51710');
      assert.ok(norfolk?.projected && norfolk.projected.riskValueChange > 0);
      const expected = (norfolk?.hazardEal.CFLD ?? 0) + 0.5 * (norfolk?.hazardEal.HWAV ?? 0);
      const ealChange = (norfolk?.projected?.eal.total ?? 0) - (norfolk?.eal.total ?? 0);
      assert.ok(relativeError(ealChange, expected) < 1e-9);
      const hidden = await clients.c.get(`/api/v1/risk/counties?scenarioId=${scenario.id}`);
      assert.equal(hidden.status, 404);
      const ones = await created(clients.a2, 'climate-scenarios', {
        data: { name: 'unity', multipliers: { CFLD: 1, HRCN: 1 } },
        marking: { tlp: 'CLEAR' },
      });
      const same = (
        await clients.c.get(`/api/v1/risk/counties?scenarioId=${ones.id}`)
      ).json<RiskCountyList>();
      assert.ok(same.items.every((item) => item.projected?.riskValueChange === 0));
    });

    it('refuses writes without risk.write and bad multipliers naming the field', async () => {
      const denied = await clients.b.post('/api/v1/risk/climate-scenarios', {
        data: { name: 'x', multipliers: {} },
        marking: { tlp: 'CLEAR' },
      });
      assert.equal(denied.status, 403);
      const bad = await clients.a2.post('/api/v1/risk/climate-scenarios', {
        data: { name: 'x', multipliers: { HWAV: -1 } },
        marking: { tlp: 'CLEAR' },
      });
      assert.equal(bad.status, 400);
      assert.equal(bad.json().field, 'data.multipliers.HWAV');
    });

    it('THIRA/SPR: targets and assessments hang from visible parents; the gap summary follows markings', async () => {
      const scenario = await created(clients.a2, 'thira-scenarios', {
        data: {
          title: 'Hurricane landfall',
          threatType: 'natural',
          hazard: 'HRCN',
          context: 'Category 2 at high tide',
          impacts: [{ metric: 'people requiring shelter', value: 25000 }],
        },
        marking: { tlp: 'AMBER' },
      });
      const target = await created(clients.a2, 'capability-targets', {
        data: {
          scenarioId: scenario.id,
          coreCapability: 'Mass Care Services',
          criticalTasks: [{ metric: 'people in emergency shelter', value: 25000 }],
          timeframe: { value: 72, unit: 'hours' },
        },
        marking: { tlp: 'AMBER' },
      });
      assert.equal(target.parentId, scenario.id);
      assert.match(String(target.derived.statement), /^Within 72 hours of an incident/);
      const wrongMetric = await clients.a2.post('/api/v1/risk/spr-assessments', {
        data: {
          targetId: target.id,
          year: 2026,
          current: [{ metric: 'cots', value: 3 }],
          confidence: 'low',
          poete: { planning: 3, organization: 2, equipment: 2, training: 3, exercises: 3 },
          evidence: 'survey',
        },
        marking: { tlp: 'AMBER' },
      });
      assert.equal(wrongMetric.status, 400);
      assert.equal(wrongMetric.json().field, 'data.current[0].metric');
      await created(clients.a2, 'spr-assessments', {
        data: {
          targetId: target.id,
          year: 2026,
          current: [{ metric: 'people in emergency shelter', value: 10000 }],
          confidence: 'medium',
          poete: { planning: 3, organization: 2, equipment: 2, training: 3, exercises: 3 },
          evidence: 'Shelter survey',
        },
        marking: { tlp: 'AMBER' },
      });
      const gaps = (await clients.a.get('/api/v1/risk/capability-gaps')).json<{
        items: CapabilityGap[];
        marking: string;
      }>();
      const mass = gaps.items.find((item) => item.coreCapability === 'Mass Care Services');
      assert.equal(mass?.meanMet, 0.4);
      assert.equal(mass?.gaps[0]?.tasks[0]?.gap, 15000);
      assert.equal(gaps.marking, 'AMBER');
      const cGaps = (await clients.c.get('/api/v1/risk/capability-gaps')).json<{ items: CapabilityGap[] }>();
      assert.ok(!cGaps.items.some((item) => item.coreCapability === 'Mass Care Services'));
      // An analyst of C cannot hang a target from a scenario C cannot see: refused as if absent.
      const hiddenParent = await clients.les.post('/api/v1/risk/capability-targets', {
        data: {
          scenarioId: scenario.id,
          coreCapability: 'Planning',
          criticalTasks: [{ metric: 'plans', value: 1 }],
          timeframe: { value: 1, unit: 'days' },
        },
        marking: { tlp: 'CLEAR' },
      });
      assert.equal(hiddenParent.status, 400);
      assert.equal(hiddenParent.json().field, 'data.scenarioId');
    });

    it('threat register: DHS risk score, caveats enforced, sensitive reads journaled, edits versioned', async () => {
      const threat = await created(clients.a, 'threats', {
        data: {
          title: 'Ransomware at the water utility',
          threatType: 'human-caused',
          category: 'cyber attack on a utility',
          subject: { kind: 'asset', name: 'Treatment plant 2', stcofips: '51710' },
          likelihood: 0.3,
          likelihoodSource: 'ISAC',
          confidence: 'moderate',
          vulnerability: 0.5,
          consequence: 2000000,
        },
        marking: { tlp: 'CLEAR', caveats: ['LES'] },
      });
      assert.equal(threat.derived.riskScore, 300000);
      assert.equal(
        (await clients.c.get(`/api/v1/risk/threats/${threat.id}`)).status,
        404,
        'no LES attribute',
      );
      assert.equal((await clients.les.get(`/api/v1/risk/threats/${threat.id}`)).status, 200);
      const reads = await vigil.deps.database.db
        .selectFrom('journal')
        .select(['action', 'kind'])
        .where('entity_id', '=', threat.id)
        .where('action', '=', 'threat.read')
        .execute();
      assert.deepEqual(reads, [{ action: 'threat.read', kind: 'access' }]);
      const listed = (await clients.c.get('/api/v1/risk/threats')).json<{
        items: RiskRecord[];
        total: number;
      }>();
      assert.ok(!listed.items.some((item) => item.id === threat.id));
      assert.equal(listed.total, listed.items.length);

      const edited = await clients.a.patch(`/api/v1/risk/threats/${threat.id}`, {
        data: { ...threat.data, vulnerability: 0.25 },
        version: 1,
      });
      assert.equal(edited.status, 200, JSON.stringify(edited.body));
      assert.equal(edited.json<RiskRecord>().derived.riskScore, 150000);
      const stale = await clients.a.patch(`/api/v1/risk/threats/${threat.id}`, {
        data: threat.data,
        version: 1,
      });
      assert.equal(stale.status, 409);
      const history = (await clients.a.get(`/api/v1/risk/threats/${threat.id}/history`)).json<{
        items: { action: string }[];
      }>();
      assert.deepEqual(
        history.items.map((entry) => entry.action).filter((action) => action !== 'threat.read'),
        ['threat.created', 'threat.updated'],
      );
    });

    it('estimates the avoided loss of a mitigation: 100 % removes the hazard’s EAL', async () => {
      const detail = (await clients.b.get('/api/v1/risk/counties/51710')).json<RiskCountyDetail>();
      const hrcn = detail.hazards.find((hazard) => hazard.code === 'HRCN');
      const response = await clients.b.post('/api/v1/risk/mitigation/estimate', {
        hazard: 'HRCN',
        counties: ['51710'],
        reduces: 'loss-ratio',
        fraction: 1,
      });
      assert.equal(response.status, 200, JSON.stringify(response.body));
      assert.equal(response.json<AvoidedLoss>().avoidedEalPerYear, hrcn?.eal.total);
      const unknown = await clients.b.post('/api/v1/risk/mitigation/estimate', {
        hazard: 'HRCN',
        counties: ['51710', '51999'],
        reduces: 'exposure',
        fraction: 0.5,
      });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.json().field, 'counties[1]');
    });
  });
}
