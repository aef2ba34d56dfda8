import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkCapDocument } from '../cap/check-cap-document.ts';
import { emitEdxlDistribution, readEdxlDistribution } from './edxl-distribution.ts';
import { emitResourceMessage, readResourceMessage } from './resource-message.ts';

const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));

describe('EDXL-DE', () => {
  it('1.0: reads the envelope, validates it against the XSD and extracts the CAP alerts', () => {
    const de = readEdxlDistribution(fixture('edxl-de/v1.0/google-cap-library/bushfire_valid.edxlde.xml'));
    assert.equal(de.version, '1.0');
    assert.equal(de.distributionType, 'Report');
    assert.deepEqual(de.errors, []);
    assert.deepEqual(de.targetAreas[0]?.subdivision, ['AU-NSW']);
    assert.equal(de.payloads.length, 7);
    for (const payload of de.payloads) {
      assert.equal(payload.kind, 'cap');
      assert.equal(checkCapDocument(payload.xml as string)[0]?.valid, true);
    }
  });

  it('1.0: the invalid envelope yields alerts whose verdicts show the damage', () => {
    const de = readEdxlDistribution(fixture('edxl-de/v1.0/google-cap-library/bushfire_invalid.edxlde.xml'));
    const verdicts = de.payloads.map((p) => checkCapDocument(p.xml as string)[0]?.valid);
    assert.deepEqual(verdicts, [true, false, false, true, true, true, true]);
  });

  it('2.0: reads the SAMU hub envelope (descriptor, explicit address, embedded XML)', () => {
    const de = readEdxlDistribution(fixture('edxl-de/v2.0/samu-hub/valid-EDXL-DE.xml'));
    assert.equal(de.version, '2.0');
    assert.equal(de.distributionType, 'Report');
    assert.deepEqual(de.explicitAddresses, [{ scheme: 'hubex', values: ['fr.health.samuA'] }]);
    assert.deepEqual(de.errors, []);
    assert.equal(de.payloads[0]?.kind, 'xml');
    assert.match(de.payloads[0]?.xml ?? '', /xmlns="urn:emergency:eda:1.9"/);
  });

  it('keywords: 1.0 valueListUrn/value (XSD-valid when written) and 2.0 EDXL-CT ValueListURI/Value', () => {
    const keywords = [{ valueList: 'urn:vigil:incident-type', values: ['Hurricane', 'Flood'] }];
    const v10 = readEdxlDistribution(
      emitEdxlDistribution({
        distributionID: 'vigil-kw',
        senderID: 'eoc@vdem.example',
        dateTimeSent: '2026-09-15T12:00:00-04:00',
        distributionStatus: 'Exercise',
        distributionType: 'Report',
        combinedConfidentiality: 'UNCLASSIFIED',
        keywords,
        contents: [{ xml: fixture('cap/spec-examples/cap12-appendix-A3.xml').toString('utf8') }],
      }),
    );
    assert.deepEqual(v10.errors, []);
    assert.deepEqual(v10.keywords, keywords);
    const v20 = readEdxlDistribution(
      fixture('edxl-de/v2.0/samu-hub/valid-EDXL-DE.xml')
        .toString('utf8')
        .replace(
          '<language>fr-FR</language>',
          '<language>fr-FR</language><keyword><ct:ValueListURI>urn:samu:kind</ct:ValueListURI><ct:Value>RS-EDA</ct:Value></keyword>',
        ),
    );
    assert.deepEqual(v20.keywords, [{ valueList: 'urn:samu:kind', values: ['RS-EDA'] }]);
    assert.deepEqual(readEdxlDistribution(fixture('edxl-de/v2.0/samu-hub/valid-EDXL-DE.xml')).keywords, []);
  });

  it('wrap → unwrap keeps the alerts', () => {
    const alert = fixture('cap/spec-examples/cap12-appendix-A3.xml').toString('utf8');
    const xml = emitEdxlDistribution({
      distributionID: 'vigil-1',
      senderID: 'eoc@vdem.example',
      dateTimeSent: '2026-09-15T12:00:00-04:00',
      distributionStatus: 'Exercise',
      distributionType: 'Report',
      combinedConfidentiality: 'UNCLASSIFIED AND NOT SENSITIVE',
      contents: [{ description: 'earthquake', xml: alert }],
    });
    const de = readEdxlDistribution(xml);
    assert.deepEqual(de.errors, []);
    const [before] = checkCapDocument(alert);
    const [after] = checkCapDocument(de.payloads[0]?.xml as string);
    assert.deepEqual(after?.alert, before?.alert);
  });
});

describe('EDXL-RM', () => {
  it('RequestResource maps to a Vigil resource request (NIMS typing, quantity, contacts)', () => {
    const { request, errors, warnings } = readResourceMessage(
      fixture('edxl-rm/xchangecore-connector-rm/RequestResource.xml'),
    );
    assert.deepEqual(errors, []);
    assert.ok(warnings.some((w) => w.path === 'SentDateTime'));
    assert.equal(request.messageType, 'RequestResource');
    assert.deepEqual(request.incidentIDs, ['uicds-incident-id']);
    assert.equal(request.items[0]?.quantity, '4');
    assert.equal(request.items[0]?.typeInfo.Resource, 'Track Dozer');
    assert.equal(request.items[0]?.typeStructure?.valueListURN, 'http://nimsonline.org/2.0');
  });

  it('CommitResource names the committed units; emit → read is lossless', () => {
    const { request } = readResourceMessage(fixture('edxl-rm/xchangecore-connector-rm/CommitResource.xml'));
    assert.deepEqual(
      request.items.map((i) => i.resourceID),
      ['TD48', 'TD7'],
    );
    assert.equal(request.items[0]?.responseType, 'Accept');
    assert.equal(request.items[0]?.location, 'Arlington Waste Facility');
    assert.deepEqual(readResourceMessage(emitResourceMessage(request)).request, request);
  });
});
