import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  browserSkipReason,
  demoBrowserSuite,
  screenshotPath,
  signIn,
} from './browser-harness.ts';

const skip = browserSkipReason();
const specExample = readFileSync(
  new URL('../packages/core/src/standards/fixtures/cap/spec-examples/cap12-appendix-A1.xml', import.meta.url),
  'utf8',
);
const amberId = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const fixture = (path: string) =>
  readFileSync(new URL(`../packages/core/src/standards/fixtures/${path}`, import.meta.url), 'utf8');
const withoutDeclaration = (xml: string) => xml.replace(/^<\?xml[^>]*\?>\s*/, '');
/** A real IPAWS-OPEN message signed with FEMA's certificate, which expired on 2022-03-04. */
const ipawsSigned = fixture('cap/real/willglynn-oasiscap/ipaws-5e6dd9de023f1930ef6548d9.xml');

/** An EDXL-DE 1.0 envelope as a county EOC would route it: keywords, a target area, a CAP alert and an EDXL-RM request. */
function countyEnvelope(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<EDXLDistribution xmlns="urn:oasis:names:tc:emergency:EDXL:DE:1.0">
  <distributionID>VA-EOC-2026-0917-01</distributionID>
  <senderID>eoc@vdem.example</senderID>
  <dateTimeSent>2026-09-17T08:30:00-04:00</dateTimeSent>
  <distributionStatus>Exercise</distributionStatus>
  <distributionType>Request</distributionType>
  <combinedConfidentiality>UNCLASSIFIED AND NOT SENSITIVE</combinedConfidentiality>
  <language>en-US</language>
  <keyword>
    <valueListUrn>urn:vigil:incident-type</valueListUrn>
    <value>Hurricane</value>
  </keyword>
  <targetArea>
    <subdivision>US-VA</subdivision>
  </targetArea>
  <contentObject>
    <contentDescription>Homeland Security Advisory update for the region</contentDescription>
    <xmlContent>
      <embeddedXMLContent>
${withoutDeclaration(specExample)}
      </embeddedXMLContent>
    </xmlContent>
  </contentObject>
  <contentObject>
    <contentDescription>Track dozers for debris clearance</contentDescription>
    <incidentID>uicds-incident-id</incidentID>
    <xmlContent>
      <embeddedXMLContent>
${withoutDeclaration(fixture('edxl-rm/xchangecore-connector-rm/RequestResource.xml'))}
      </embeddedXMLContent>
    </xmlContent>
  </contentObject>
</EDXLDistribution>
`;
}

/** The OASIS Appendix A.1 alert under a fresh identifier, optionally broken on purpose. */
function capAlert(identifier: string, broken: boolean): string {
  const alert = specExample.replace(
    '<identifier>43b080713727</identifier>',
    `<identifier>${identifier}</identifier>`,
  );
  // Two faults the checks must name by path: a value outside the XSD's urgency list, and a date-time in UTC `Z`.
  return broken
    ? alert
        .replace('<urgency>Immediate</urgency>', '<urgency>Soon</urgency>')
        .replace('2003-04-02T14:39:01-05:00', '2003-04-02T19:39:01Z')
    : alert;
}

function amberBundle(name: string): string {
  const t = '2026-09-20T10:00:00.000Z';
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--b7c1d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e',
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: 'indicator--c8d9e0f1-a2b3-4c4d-8e5f-6a7b8c9d0e1f',
        created: t,
        modified: t,
        name,
        indicator_types: ['malicious-activity'],
        pattern: "[domain-name:value = 'storm-relief-claims.example']",
        pattern_type: 'stix',
        valid_from: t,
        object_marking_refs: [amberId],
      },
    ],
  });
}

describe('interop: CAP and STIX in the browser (Chromium)', { skip }, () => {
  let trustDir: string;
  before(() => {
    // The trust store holds FEMA's IPAWS-OPEN certificate: its signature verifies, but it has expired.
    trustDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-trust-'));
    const certificate =
      /<(?:\w+:)?X509Certificate>([^<]+)</.exec(ipawsSigned)?.[1]?.replace(/\s+/g, '') ?? '';
    const pem = `-----BEGIN CERTIFICATE-----\n${certificate.match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
    writeFileSync(join(trustDir, 'trusted.pem'), pem);
  });
  const demo = demoBrowserSuite(() => ({ VIGIL_CAP_TRUSTED_CERTS: join(trustDir, 'trusted.pem') }));
  after(() => rmSync(trustDir, { recursive: true, force: true }));

  async function openInterop(email: string): Promise<Page> {
    const context = await demo.browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await signIn(page, demo.server.base, email);
    await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Interop' }).click();
    await page.getByRole('heading', { name: 'Interop', level: 1 }).waitFor();
    return page;
  }

  it('an invalid CAP alert shows its errors by path; a valid one is ingested, listed and downloaded as XML', async () => {
    const page = await openInterop('analyst@vigil.example');
    // The demo's bilingual hurricane warning is already there, marked CLEAR.
    const alerts = page.getByRole('table', { name: 'Received CAP alerts' });
    await alerts.getByRole('cell', { name: /Hurricane Warning/ }).waitFor();
    await assertAccessible(page, 'interop page');

    const identifier = `VIGIL-E2E-${Date.now()}`;
    await page
      .getByRole('textbox', { name: 'Document', exact: true })
      .fill(capAlert(`${identifier}-BAD`, true));
    await page.getByRole('button', { name: 'Validate' }).click();
    const verdict = page.getByRole('heading', {
      name: new RegExp(`Invalid CAP 1.2 alert ${identifier}-BAD`),
    });
    await verdict.waitFor();
    const errors = page.locator('.issues-errors li');
    const texts = await errors.allTextContents();
    assert.ok(
      texts.some((t) => t.startsWith('info.urgency') && t.includes('Soon')),
      texts.join('\n'),
    );
    assert.ok(
      texts.some((t) => t.startsWith('sent')),
      texts.join('\n'),
    );
    await page.getByText('Signature: Not signed.').waitFor();
    await assertAccessible(page, 'interop verdict with errors');
    await page.screenshot({ path: screenshotPath('interop.png'), fullPage: true });

    // Ingesting the invalid one is refused as a whole, and says which field.
    await page.getByRole('button', { name: 'Ingest alert' }).click();
    await page.getByRole('alert').filter({ hasText: 'is not valid CAP' }).waitFor();
    assert.equal(await alerts.getByRole('row', { name: new RegExp(`${identifier}-BAD`) }).count(), 0);

    await page.getByRole('textbox', { name: 'Document', exact: true }).fill(capAlert(identifier, false));
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('heading', { name: new RegExp(`^Valid CAP 1.2 alert ${identifier}$`) }).waitFor();
    await page.getByRole('button', { name: 'Ingest alert' }).click();
    await page.getByRole('heading', { name: /Ingested: 1 alert stored/ }).waitFor();
    const row = alerts.locator(`tr[data-cap-identifier="${identifier}"]`);
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Homeland Security Advisory System Update/);
    assert.equal(await row.locator('.tlp-badge').textContent(), 'TLP:CLEAR');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: `Download XML of ${identifier}` }).click(),
    ]);
    const xml = readFileSync((await download.path()) as string, 'utf8');
    assert.equal(download.suggestedFilename(), `${identifier}.xml`);
    assert.match(
      xml,
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">/,
    );
    assert.ok(xml.includes(`<identifier>${identifier}</identifier>`));
    assert.ok(xml.includes('<sent>2003-04-02T14:39:01-05:00</sent>'));
  });

  it('a TLP:AMBER STIX indicator reaches the collection’s readers and no other agency', async () => {
    const name = `Storm-relief phishing domain ${Date.now()}`;
    const analyst = await openInterop('analyst@vigil.example');
    await analyst.getByRole('textbox', { name: 'Document', exact: true }).fill(amberBundle(name));
    assert.equal(await analyst.getByRole('radio', { name: /STIX 2.1 bundle/ }).isChecked(), true);
    await analyst.getByRole('button', { name: 'Validate' }).click();
    await analyst.getByRole('heading', { name: /Valid STIX 2.1: 1 objects/ }).waitFor();
    await analyst
      .getByLabel('Collection to import into')
      .selectOption({ label: 'Virginia cyber threat sharing (demo)' });
    await analyst.getByRole('button', { name: 'Import into collection' }).click();
    await analyst.getByText('1 of 1 objects stored').waitFor();
    const listed = analyst.locator('tr', { hasText: name });
    await listed.waitFor();
    assert.equal(await listed.locator('.tlp-badge').textContent(), 'TLP:AMBER');
    // The page shows AMBER content: the banner says so.
    await analyst.getByRole('note', { name: 'Marking of this page: TLP:AMBER' }).waitFor();
    await assertAccessible(analyst, 'interop page after a STIX import');

    // State Police read the collection: the indicator is there, with the demo's ransomware intelligence.
    const trooper = await openInterop('trooper@vigil.example');
    await trooper.locator('tr', { hasText: name }).waitFor();
    await trooper
      .locator('tr[data-stix-id^="indicator--"]', { hasText: 'TideLock command-and-control address (demo)' })
      .waitFor();

    // Fairfax County was granted nothing: no collection, no indicator, anywhere on the page.
    const fairfax = await openInterop('fairfax@vigil.example');
    await fairfax.getByText('No TAXII collection is shared with your agency.').waitFor();
    await fairfax.getByRole('table', { name: 'Received CAP alerts' }).waitFor();
    assert.equal(await fairfax.getByText(name).count(), 0);
    assert.equal(await fairfax.getByText('TideLock', { exact: false }).count(), 0);
    await assertAccessible(fairfax, 'interop page without collections');
  });

  it('an EDXL-DE envelope is recognised by its namespace and shown with its header and content objects', async () => {
    const page = await openInterop('analyst@vigil.example');
    const document = page.getByRole('textbox', { name: 'Document', exact: true });
    await document.fill(fixture('edxl-de/v1.0/google-cap-library/bushfire_valid.edxlde.xml'));
    assert.equal(await page.getByRole('radio', { name: /EDXL-DE envelope/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page
      .getByRole('heading', { name: 'Valid EDXL-DE 1.0 envelope RFSuniqueID12345', level: 3 })
      .waitFor();
    const header = page.getByRole('definition');
    assert.ok((await header.allTextContents()).includes('webmaster@rfs.nsw.gov.au'));
    await page.getByText('subdivision AU-NSW').waitFor();
    const contents = page.getByRole('list', { name: 'Content objects' });
    assert.equal(await contents.locator(':scope > li').count(), 7);
    await contents.getByRole('heading', { name: 'Content object 1: CAP alert', level: 4 }).waitFor();
    await contents.getByText('Information on One Tree MVA (Unmapped Incident)').waitFor();
    await contents
      .getByRole('heading', { name: 'Valid CAP 1.2 alert tag:www.rfs.nsw.gov.au2011-10-18:40500', level: 5 })
      .waitFor();
    await assertAccessible(page, 'interop EDXL-DE envelope with CAP alerts');

    await document.fill(countyEnvelope());
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.getByRole('heading', { name: 'Valid EDXL-DE 1.0 envelope VA-EOC-2026-0917-01' }).waitFor();
    const panel = page.locator('.edxl-envelope');
    const fields = (await panel.locator('dl.edxl-header').textContent()) ?? '';
    for (const text of [
      'eoc@vdem.example',
      'Exercise · Request',
      'UNCLASSIFIED AND NOT SENSITIVE',
      'Hurricane',
      'US-VA',
    ]) {
      assert.ok(fields.includes(text), `${text} in\n${fields}`);
    }
    await panel.getByRole('heading', { name: 'Content object 2: EDXL-RM resource message' }).waitFor();
    await panel.getByRole('heading', { name: /EDXL-RM RequestResource RequestResource\.1/ }).waitFor();
    const resources = panel.getByRole('table', { name: 'Resources requested in RequestResource.1' });
    const row = resources.getByRole('row', { name: /Track Dozer/ });
    assert.deepEqual(await row.getByRole('cell').allTextContents(), [
      'Track Dozer',
      'NIMS Typing Version X',
      '4',
      'not stated',
    ]);
    await panel.getByText('incident uicds-incident-id', { exact: false }).first().waitFor();
    await assertAccessible(page, 'interop EDXL-DE envelope with a resource request');
    await page.screenshot({ path: screenshotPath('interop-edxl.png'), fullPage: true });
  });

  it('a verified signature by a certificate the trust store holds but which has expired is an untrusted signer', async () => {
    const page = await openInterop('analyst@vigil.example');
    await page.getByRole('textbox', { name: 'Document', exact: true }).fill(ipawsSigned);
    assert.equal(await page.getByRole('radio', { name: /CAP 1.2 alert/ }).isChecked(), true);
    await page.getByRole('button', { name: 'Validate' }).click();
    const note = page.locator('.signature-note');
    await note.waitFor();
    assert.match(
      ((await note.textContent()) ?? '').replace(/\s+/g, ' '),
      /^Signature: Signature verified, but the signer is not trusted \(the signing certificate C=US, O=FEMA IPAWS, .*CN=IPAWSOPEN_200302 is not valid at 20\d\d-/,
    );
    await assertAccessible(page, 'interop CAP verdict with an untrusted signer');
  });
});
