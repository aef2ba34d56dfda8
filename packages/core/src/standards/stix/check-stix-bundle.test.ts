import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { tlpLabels } from '../../access/tlp.ts';
import { refusalReasonOf } from '../xml/input-limits.ts';
import { checkStixBundle } from './check-stix-bundle.ts';
import { agencyToStixIdentity, buildStixBundle } from './export-stix.ts';
import { tlp2MarkingDefinition, tlp2MarkingIds, tlpOfObject } from './tlp-markings.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
const examples = 'stix/cti-stix2-json-schemas/examples';
const validator = 'stix/cti-stix-validator/test_examples';

/** Expected verdicts (fixtures/stix/PROVENANCE.md): valid, invalid, or refused before validation. */
const expected: Record<string, { valid?: boolean; refused?: string; objects?: number }> = {
  [`${examples}/indicator-for-c2-ip-address.json`]: { valid: true },
  [`${examples}/indicator-to-campaign-relationship.json`]: { valid: true },
  [`${examples}/indicators-for-C2-with-COA.json`]: { valid: true },
  // One relationship id has upper-case hex: the schema accepts it, we warn.
  [`${examples}/infrastructure.json`]: { valid: true },
  [`${examples}/interop-objectmarking-test.json`]: { valid: true },
  [`${examples}/malicious-email-indicator-with-attachment.json`]: { valid: true },
  [`${examples}/threat-reports/apt1.json`]: { valid: true, objects: 76 },
  [`${examples}/threat-reports/poisonivy.json`]: { valid: true, objects: 155 },
  [`${validator}/identity.json`]: { valid: true },
  [`${validator}/identity_custom.json`]: { valid: true },
  [`${validator}/identity_unicode.json`]: { valid: true },
  [`${validator}/identity_warning.json`]: { valid: true },
  [`${validator}/tlp-amber.json`]: { valid: true },
  [`${validator}/tool.json`]: { valid: true },
  [`${validator}/invalid_identity.json`]: { valid: false },
  [`${validator}/invalid_timestamp.json`]: { valid: false },
  [`${validator}/invalid_braces.json`]: { refused: 'not-well-formed' },
  [`${validator}/invalid_comma.json`]: { refused: 'not-well-formed' },
  'tlp/marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb.json': { valid: true },
  'tlp/marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003.json': { valid: true },
  'tlp/marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1.json': { valid: true },
};

describe('STIX 2.1: every fixture gets its expected verdict', () => {
  for (const [path, want] of Object.entries(expected)) {
    it(path, () => {
      if (want.refused) {
        assert.throws(
          () => checkStixBundle(fixture(path)),
          (e) => refusalReasonOf(e) === want.refused,
        );
        return;
      }
      const verdict = checkStixBundle(fixture(path));
      const errors = verdict.objects.flatMap((o) => o.errors);
      assert.equal(verdict.valid, want.valid, JSON.stringify(errors));
      if (want.objects) assert.equal(verdict.objects.length, want.objects);
    });
  }

  it('explains why: modified before created, a missing required property', () => {
    const timestamp = checkStixBundle(fixture(`${validator}/invalid_timestamp.json`));
    assert.deepEqual(
      timestamp.objects[0]?.errors.map((e) => e.path),
      ['.modified'],
    );
    const identity = checkStixBundle(fixture(`${validator}/invalid_identity.json`));
    assert.ok(identity.objects[0]?.errors.some((e) => /required/.test(e.message)));
  });

  it('keeps custom properties intact, and notes the x_ ones', () => {
    const custom = checkStixBundle(fixture(`${validator}/identity_custom.json`));
    const original = JSON.parse(fixture(`${validator}/identity_custom.json`).toString('utf8'));
    assert.deepEqual(custom.objects[0]?.object, original.objects[0]);
    const misp = {
      ...original.objects[0],
      x_misp_category: 'Network activity',
      x_misp_nested: { a: [1, 2] },
    };
    const verdict = checkStixBundle(JSON.stringify(misp)).objects[0];
    assert.deepEqual(verdict?.object, misp);
    assert.ok(verdict?.warnings.some((w) => w.path === '.x_misp_category'));
  });

  it('refuses a reference of the wrong type and a timestamp that is not a date', () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
      objects: [
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
          created: '2016-04-06T20:03:48.000Z',
          modified: '2016-02-30T20:03:48.000Z',
          created_by_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
          pattern: "[ipv4-addr:value = '198.51.100.1']",
          pattern_type: 'stix',
          valid_from: '2016-01-01T00:00:00Z',
        },
      ],
    };
    const messages = checkStixBundle(JSON.stringify(bundle)).objects[0]?.errors.map((e) => e.message) ?? [];
    assert.ok(
      messages.some((m) => /created_by_ref may not point at a malware/.test(m)),
      messages.join('|'),
    );
    assert.ok(
      messages.some((m) => /not a real date/.test(m)),
      messages.join('|'),
    );
  });
});

describe('STIX checks that stop early on valid objects still explain invalid ones fully', () => {
  const indicator = (fields: Record<string, unknown>) =>
    JSON.stringify({
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created: '2016-04-06T20:03:48.000Z',
      modified: '2016-04-06T20:03:48.000Z',
      pattern: "[ipv4-addr:value = '198.51.100.1']",
      pattern_type: 'stix',
      valid_from: '2016-01-01T00:00:00Z',
      ...fields,
    });

  it('every schema error of an invalid object is reported, not only the first', () => {
    const verdict = checkStixBundle(indicator({ pattern: undefined, pattern_type: 7, indicator_types: 'x' }));
    const paths = verdict.objects[0]?.errors.map((e) => e.path) ?? [];
    for (const path of ['.pattern', '.pattern_type', '.indicator_types']) {
      assert.ok(paths.includes(path), `${path} missing from ${paths.join(', ')}`);
    }
  });

  it('real calendar dates and clock times only, as Date would read them back', () => {
    const cases: [string, boolean][] = [
      ['2016-02-29T00:00:00Z', true],
      ['2000-02-29T23:59:59.999Z', true],
      ['2015-02-29T00:00:00Z', false],
      ['1900-02-29T00:00:00Z', false],
      ['2016-04-31T00:00:00Z', false],
      ['2016-13-01T00:00:00Z', false],
      ['2016-00-10T00:00:00Z', false],
      ['2016-01-01T24:00:00Z', false],
      ['2016-01-01T23:60:00Z', false],
      ['2016-01-01T23:59:60Z', false],
    ];
    for (const [modified, real] of cases) {
      const errors = checkStixBundle(
        indicator({ modified: '2016-04-06T20:03:48.000Z', valid_from: modified }),
      ).objects[0]?.errors;
      const dateError = errors?.some((e) => e.path === '.valid_from' && /not a real date/.test(e.message));
      assert.equal(!dateError, real, `${modified}: ${JSON.stringify(errors)}`);
      // The same judgement as a round trip through Date, which the check replaced for speed.
      const t = Date.parse(modified);
      assert.equal(
        !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === modified.slice(0, 10),
        real,
      );
    }
  });
});

describe('TLP 2.0 marking definitions', () => {
  it('are exactly the official objects (fixtures from cti-stix-common-objects)', () => {
    for (const [label, file] of [
      ['GREEN', 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
      ['AMBER+STRICT', 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'],
      ['RED', 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'],
    ] as const) {
      const official = JSON.parse(fixture(`tlp/${file}.json`).toString('utf8')).objects[0];
      assert.deepEqual(tlp2MarkingDefinition(label), official);
      assert.equal(tlp2MarkingIds[label], file);
    }
  });

  it('map each TLP 2.0 id to its label, TLP 1.0 WHITE to CLEAR, and several refs to the most restrictive', () => {
    assert.deepEqual(
      tlpLabels.map((label) => tlpOfObject([tlp2MarkingIds[label]])),
      [...tlpLabels],
    );
    assert.equal(tlp2MarkingIds.CLEAR, 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    assert.equal(tlp2MarkingIds.AMBER, 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421');
    assert.equal(tlpOfObject(['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9']), 'CLEAR');
    assert.equal(tlpOfObject([tlp2MarkingIds.GREEN, tlp2MarkingIds.RED]), 'RED');
    assert.equal(tlpOfObject(['marking-definition--00000000-0000-4000-8000-000000000000']), undefined);
  });

  it('the RED fixture object resolves to TLP:RED', () => {
    const verdict = checkStixBundle(fixture(`${examples}/interop-objectmarking-test.json`));
    assert.equal(verdict.objects[0]?.tlp, 'RED');
  });
});

describe('STIX export', () => {
  it('an agency becomes a valid identity with a stable id; markings travel with the bundle', () => {
    const agency = {
      id: 'a1',
      name: 'Virginia Fusion Center',
      kind: 'state' as const,
      createdAt: '2026-01-02T03:04:05.678Z',
    };
    const identity = agencyToStixIdentity(agency);
    assert.equal(identity.id, agencyToStixIdentity(agency).id);
    const bundle = buildStixBundle('9a1c7e2e-1b7a-4c1e-9f7e-2b3c4d5e6f70', [
      { ...identity, object_marking_refs: [tlp2MarkingIds.AMBER] },
    ]);
    const verdict = checkStixBundle(JSON.stringify(bundle));
    assert.equal(verdict.valid, true, JSON.stringify(verdict.objects.map((o) => o.errors)));
    assert.deepEqual(
      verdict.objects.map((o) => o.type),
      ['marking-definition', 'identity'],
    );
  });
});
