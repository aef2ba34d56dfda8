import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { refusalReasonOf } from '../xml/input-limits.ts';
import { readXml } from '../xml/read-xml.ts';
import type { CapAlert } from './cap-alert.ts';
import {
  capCategories,
  capCertainties,
  capMsgTypes,
  capSeverities,
  capStatuses,
  capUrgencies,
} from './cap-alert.ts';
import { checkCapDocument } from './check-cap-document.ts';
import { emitCapAlert } from './emit-cap-alert.ts';
import { parseCapAlert } from './parse-cap-alert.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

/**
 * Every CAP fixture and its expected verdict (fixtures/cap/PROVENANCE.md says which are broken
 * on purpose). `valid` lists one boolean per alert found; `refused` means the reader refuses the
 * document before any alert is looked at.
 */
const expected: Record<string, { valid?: boolean[]; refused?: string; signature?: string }> = {
  'cap/spec-examples/cap12-appendix-A1.xml': { valid: [true] },
  'cap/spec-examples/cap12-appendix-A2.xml': { valid: [true] },
  'cap/spec-examples/cap12-appendix-A3.xml': { valid: [true] },
  'cap/spec-examples/cap12-appendix-A4.xml': { valid: [true] },
  'cap/spec-examples/cap11-appendix-A1.xml': { valid: [true] },
  'cap/spec-examples/cap11-appendix-A2.xml': { valid: [true] },
  'cap/spec-examples/cap11-appendix-A3.xml': { valid: [true] },
  'cap/spec-examples/cap11-appendix-A4.xml': { valid: [true] },
  'cap/spec-examples/ibm-cap_amber_alert_example.xml': { valid: [true] },
  'cap/real/google-cap-library/43b080713727.cap': { valid: [true] },
  'cap/real/google-cap-library/KAR0-0306112239-SW.cap': { valid: [true] },
  'cap/real/google-cap-library/australia.cap': { valid: [true] },
  'cap/real/google-cap-library/canada.cap': { valid: [true] },
  // `<references/>`: an empty list of triples.
  'cap/real/google-cap-library/canada_errors.cap': { valid: [false] },
  // Schema-valid, but the content no longer matches the signed digest.
  'cap/real/google-cap-library/canada_signed.cap': { valid: [false], signature: 'digest-mismatch' },
  'cap/real/google-cap-library/earthquake-iso8859-1.cap': { valid: [true], signature: 'verified' },
  'cap/real/google-cap-library/earthquake.cap': { valid: [true] },
  // Signature verifies, but it sits before <info>, where the CAP 1.1 XSD allows no extension.
  'cap/real/google-cap-library/earthquake_signed.cap': { valid: [false], signature: 'verified' },
  'cap/real/google-cap-library/invalid.cap': { valid: [false] },
  'cap/real/google-cap-library/no_optional_fields.cap': { valid: [true] },
  'cap/real/google-cap-library/noaa_errors.cap': { valid: [false] },
  'cap/real/google-cap-library/thunderstorm.cap': { valid: [true] },
  'cap/real/google-cap-library/wcatwc-warning.cap': { valid: [true] },
  'cap/real/google-cap-library/weather.cap': { valid: [true] },
  'cap/real/google-cap-library/weather.atom': { valid: [true] },
  'cap/real/google-cap-library/earthquake_index.atom': { valid: [] },
  'cap/real/google-cap-library/xee.cap': { refused: 'doctype-forbidden' },
  // The signature is a placeholder (`...`): it cannot be checked, and we say so.
  'cap/real/willglynn-oasiscap/google-PAAQ-4-mg5a94.xml': { valid: [true], signature: 'not-verified' },
  'cap/real/willglynn-oasiscap/ipaws-5e6dd9de023f1930ef6548d9.xml': { valid: [true], signature: 'verified' },
  'cap/real/willglynn-oasiscap/nws-5c2cf27b1f56885d61654dc47fa411d5.xml': { valid: [true] },
  'edxl-de/v1.0/google-cap-library/bushfire_valid.edxlde.xml': {
    valid: [true, true, true, true, true, true, true],
  },
  'edxl-de/v1.0/google-cap-library/bushfire_invalid.edxlde.xml': {
    valid: [true, false, false, true, true, true, true],
  },
};

describe('CAP: every fixture gets its expected verdict', () => {
  for (const [path, want] of Object.entries(expected)) {
    it(path, () => {
      if (want.refused) {
        assert.throws(
          () => checkCapDocument(fixture(path)),
          (error) => refusalReasonOf(error) === want.refused,
        );
        return;
      }
      const verdicts = checkCapDocument(fixture(path));
      assert.deepEqual(
        verdicts.map((v) => v.valid),
        want.valid,
        JSON.stringify(verdicts.map((v) => v.errors)),
      );
      if (want.signature) assert.equal(verdicts[0]?.signature.status, want.signature);
    });
  }

  it('names the failing element by path', () => {
    const [verdict] = checkCapDocument(fixture('cap/real/google-cap-library/noaa_errors.cap'));
    assert.ok(verdict?.errors.some((e) => e.path === 'info.urgency' && /enumeration/.test(e.message)));
    const [invalid] = checkCapDocument(fixture('cap/real/google-cap-library/invalid.cap'));
    assert.equal(invalid?.errors[0]?.path, 'info');
  });

  it('keeps codes and geocodes as text (leading zeros survive)', () => {
    const [verdict] = checkCapDocument(fixture('cap/spec-examples/cap12-appendix-A2.xml'));
    const geocodes = verdict?.alert.info[0]?.area[0]?.geocode.map((g) => g.value) ?? [];
    assert.ok(geocodes.length > 0 && geocodes.every((g) => /^0\d{5}$/.test(g)), geocodes.join(','));
  });

  it('reads ISO-8859-1 text correctly', () => {
    const [verdict] = checkCapDocument(fixture('cap/real/google-cap-library/earthquake-iso8859-1.cap'));
    assert.ok(!JSON.stringify(verdict?.alert).includes('\uFFFD'));
  });
});

describe('CAP: parse → emit → parse is lossless', () => {
  for (const [path, want] of Object.entries(expected)) {
    if (!want.valid?.length || want.valid.includes(false)) continue;
    it(path, () => {
      for (const verdict of checkCapDocument(fixture(path))) {
        const emitted = emitCapAlert(verdict.alert);
        const again = checkCapDocument(emitted);
        assert.equal(again.length, 1);
        assert.deepEqual(again[0]?.errors, [], emitted);
        assert.deepEqual({ ...again[0]?.alert, sourceVersion: verdict.alert.sourceVersion }, verdict.alert);
        assert.equal(emitCapAlert(again[0]?.alert as CapAlert), emitted);
      }
    });
  }

  const text = fc
    .string({ minLength: 1, maxLength: 40 })
    // XML 1.0 cannot carry control characters or lone surrogates; CAP text is trimmed on read.
    .filter(
      (s) =>
        s.trim() === s &&
        [...s].every((ch) => (ch.codePointAt(0) ?? 0) >= 32 && !/[\uD800-\uDFFF\uFFFE\uFFFF]/.test(ch)),
    );
  const token = fc.stringMatching(/^[A-Za-z0-9._@:-]{1,30}$/);
  const dateTime = fc
    .date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => `${d.toISOString().slice(0, 19)}-05:00`);
  const pair = fc.record({ valueName: token, value: fc.stringMatching(/^[0-9A-Z]{0,8}$/) });
  // Plain objects: fast-check builds null-prototype records, which deepEqual tells apart.
  const alertArb: fc.Arbitrary<CapAlert> = fc
    .record({
      sourceVersion: fc.constant('1.2' as const),
      identifier: token,
      sender: token,
      sent: dateTime,
      status: fc.constantFrom(...capStatuses),
      msgType: fc.constantFrom(...capMsgTypes),
      scope: fc.constant('Public'),
      code: fc.array(token, { maxLength: 2 }),
      info: fc.array(
        fc.record({
          category: fc.subarray([...capCategories], { minLength: 1, maxLength: 3 }),
          event: text,
          responseType: fc.constant([]),
          urgency: fc.constantFrom(...capUrgencies),
          severity: fc.constantFrom(...capSeverities),
          certainty: fc.constantFrom(...capCertainties),
          eventCode: fc.array(pair, { maxLength: 2 }),
          headline: text,
          description: text,
          parameter: fc.array(pair, { maxLength: 3 }),
          resource: fc.constant([]),
          area: fc.array(
            fc.record({
              areaDesc: text,
              polygon: fc.constant(['38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89 38.47,-120.14']),
              circle: fc.array(fc.constant('32.9525,-115.5527 0'), { maxLength: 1 }),
              geocode: fc.array(pair, { maxLength: 3 }),
            }),
            { maxLength: 2 },
          ),
        }),
        { maxLength: 2 },
      ),
    })
    .map((alert) => JSON.parse(JSON.stringify(alert)) as CapAlert);

  it('holds for generated alerts, with XML-special characters in the text (property)', () => {
    fc.assert(
      fc.property(alertArb, (alert) => {
        const [verdict] = checkCapDocument(emitCapAlert(alert));
        assert.deepEqual(verdict?.alert, alert);
        assert.equal(verdict?.valid, true, JSON.stringify(verdict?.errors));
      }),
      { numRuns: 150 },
    );
  });
});

describe('CAP rules beyond the XSD', () => {
  const base = readFileSync(
    new URL('../fixtures/cap/spec-examples/cap12-appendix-A2.xml', import.meta.url),
    'utf8',
  );
  const messages = (xml: string, options = {}) =>
    checkCapDocument(xml, options)[0]?.errors.map((e) => e.message) ?? [];

  it('refuses an open polygon and one with three points', () => {
    const alert = parseCapAlert(readXml(base).root);
    const area = alert.info[0]?.area[0];
    assert.ok(area);
    area.polygon = ['38.47,-120.14 38.34,-119.95 38.52,-119.74 38.62,-119.89'];
    assert.ok(messages(emitCapAlert(alert)).some((m) => /closed/.test(m)));
    area.polygon = ['38.47,-120.14 38.34,-119.95 38.47,-120.14'];
    assert.ok(messages(emitCapAlert(alert)).some((m) => /at least 4/.test(m)));
    area.polygon = ['98.47,-120.14 38.34,-119.95 38.52,-119.74 98.47,-120.14'];
    assert.ok(messages(emitCapAlert(alert)).some((m) => /latitude/.test(m)));
  });

  it('refuses a negative circle radius and malformed references', () => {
    const alert = parseCapAlert(readXml(base).root);
    const area = alert.info[0]?.area[0];
    assert.ok(area);
    area.circle = ['32.9,-115.5 -1'];
    alert.references = 'onlytwo,parts';
    const found = messages(emitCapAlert(alert));
    assert.ok(found.some((m) => /radius/.test(m)));
    assert.ok(found.some((m) => /triple/.test(m)));
  });

  it('date-times with Z are errors when strict and warnings when lenient', () => {
    const zulu = base.replace(/<sent>[^<]+<\/sent>/, '<sent>2003-06-17T14:57:00Z</sent>');
    assert.ok(checkCapDocument(zulu, { strict: true })[0]?.errors.some((e) => e.path === 'sent'));
    const lenient = checkCapDocument(zulu, { strict: false })[0];
    assert.ok(lenient?.warnings.some((e) => e.path === 'sent'));
  });

  it('applies the IPAWS profile only when asked', () => {
    assert.equal(checkCapDocument(base)[0]?.errors.length, 0);
    const ipaws = messages(base, { ipaws: true });
    assert.ok(ipaws.some((m) => /IPAWSv1.0/.test(m)));
    assert.ok(
      ipaws.some((m) => /^IPAWS: Element/.test(m)),
      'the IPAWS profile XSD ran',
    );
    const noSame = base.replace(
      /<valueName>SAME<\/valueName>\s*<value>SVR<\/value>/,
      '<valueName>X</valueName><value>SVR</value>',
    );
    assert.ok(messages(noSame, { ipaws: true }).some((m) => /SAME event code/.test(m)));
  });
});
