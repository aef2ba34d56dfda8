import { tlp2MarkingIds } from '@vigil/core/standards/stix';

/*
 * Invented documents of the Virginia demo, written as partners would send them: a CAP 1.2
 * alert (XML) and a STIX 2.1 bundle (JSON). Names say "(demo)"; addresses are from the
 * documentation ranges (RFC 5737), the CVE is real.
 */

/** Coastal jurisdictions the hurricane warning covers: SAME codes (0 + state + county FIPS). */
const coastal: [string, string][] = [
  ['Accomack County', '051001'],
  ['Northampton County', '051131'],
  ['City of Norfolk', '051710'],
  ['City of Virginia Beach', '051810'],
  ['City of Chesapeake', '051550'],
  ['City of Hampton', '051650'],
  ['City of Portsmouth', '051740'],
];

const virginiaClock = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  timeZoneName: 'longOffset',
});

/**
 * Virginia's UTC offset at `at` from the time-zone database: `-05:00` under Eastern Standard Time
 * (November to March), `-04:00` under Eastern Daylight Time. The demo is seeded at whatever date it
 * runs, so a fixed offset would be wrong for half the year.
 */
function virginiaOffset(at: Date): string {
  const name = virginiaClock.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(name ?? '')?.[1];
  if (!offset) throw new Error(`no UTC offset for America/New_York in "${name}"`);
  return offset;
}

/** CAP date-time on Virginia's clock, as VDEM would send it (CAP wants an offset, never `Z`). */
function capTime(at: Date): string {
  const offset = virginiaOffset(at);
  const minutes =
    (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
  return `${new Date(at.getTime() + minutes * 60_000).toISOString().slice(0, 19)}${offset}`;
}

const polygon = '36.55,-76.95 37.30,-76.70 37.95,-75.95 37.95,-75.24 37.10,-75.60 36.55,-75.87 36.55,-76.95';

function infoBlock(
  language: string,
  text: { event: string; headline: string; description: string; instruction: string; area: string },
  expires: string,
): string {
  const geocodes = coastal
    .map(([, same]) => `      <geocode><valueName>SAME</valueName><value>${same}</value></geocode>`)
    .join('\n');
  return `  <info>
    <language>${language}</language>
    <category>Met</category>
    <event>${text.event}</event>
    <responseType>Evacuate</responseType>
    <responseType>Prepare</responseType>
    <urgency>Expected</urgency>
    <severity>Severe</severity>
    <certainty>Likely</certainty>
    <eventCode><valueName>SAME</valueName><value>HUW</value></eventCode>
    <expires>${expires}</expires>
    <senderName>Virginia Department of Emergency Management (demo)</senderName>
    <headline>${text.headline}</headline>
    <description>${text.description}</description>
    <instruction>${text.instruction}</instruction>
    <web>https://www.vaemergency.gov/</web>
    <area>
      <areaDesc>${text.area}</areaDesc>
      <polygon>${polygon}</polygon>
${geocodes}
    </area>
  </info>`;
}

/** VDEM's hurricane warning for the coastal counties, in English and Spanish, sent at `at`. */
export function demoCapAlertXml(at: Date): string {
  const sent = capTime(at);
  const expires = capTime(new Date(at.getTime() + 36 * 3600_000));
  const stamp = sent.slice(0, 16).replace(/[-:T]/g, '');
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>VA-VDEM-DEMO-HUW-${stamp}</identifier>
  <sender>vdem-demo@vigil.example</sender>
  <sent>${sent}</sent>
  <status>Actual</status>
  <msgType>Alert</msgType>
  <scope>Public</scope>
  <note>Demo data: Hurricane Delia is an invented storm of the Vigil demo.</note>
${infoBlock(
  'en-US',
  {
    event: 'Hurricane Warning',
    headline: 'Hurricane Warning for Hampton Roads and the Eastern Shore (demo)',
    description:
      'Hurricane Delia (demo), a Category 2 hurricane, is expected to make landfall near Norfolk within 24 hours. Storm surge of 6 to 8 feet above ground, sustained winds near 100 mph and widespread power outages are expected.',
    instruction:
      'Residents of evacuation zones A and B leave now. Others prepare to shelter in place with water, food, medicine and a battery radio for 72 hours.',
    area: 'Coastal Virginia: Hampton Roads and the Eastern Shore',
  },
  expires,
)}
${infoBlock(
  'es-US',
  {
    event: 'Aviso de huracán',
    headline: 'Aviso de huracán para Hampton Roads y la Costa Este de Virginia (demo)',
    description:
      'Se espera que el huracán Delia (demo), de categoría 2, toque tierra cerca de Norfolk en las próximas 24 horas. Se esperan marejadas de 6 a 8 pies sobre el nivel del suelo, vientos sostenidos cercanos a 100 mph y cortes de electricidad generalizados.',
    instruction:
      'Los residentes de las zonas de evacuación A y B deben salir ahora. Los demás, prepárense para refugiarse en casa con agua, comida, medicinas y una radio de pilas para 72 horas.',
    area: 'Costa de Virginia: Hampton Roads y la Costa Este',
  },
  expires,
)}
</alert>
`;
}

const ids = {
  identity: 'identity--4f7a6c1e-1d0b-4c3e-9a55-2b9e1c7d0a01',
  malware: 'malware--9c1e7f52-6a3b-4d8e-b1f0-3e5d2a7c4b02',
  indicator: 'indicator--2b8d4e6f-7a9c-4e1b-8d3f-5c6a7b8e9f03',
  indicatorHash: 'indicator--6e1f2a3b-4c5d-4e6f-9a0b-1c2d3e4f5a04',
  attackPattern: 'attack-pattern--7d2e3f4a-5b6c-4d7e-8f9a-0b1c2d3e4f05',
  vulnerability: 'vulnerability--8a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c06',
  indicates: 'relationship--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c07',
  uses: 'relationship--3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e08',
};

/**
 * The storm-time ransomware intelligence (DEMO.md): the command-and-control address and the
 * dropper's hash are TLP:AMBER (the collection's readers only), the phishing technique GREEN,
 * the exploited vulnerability and the fusion center's identity CLEAR.
 */
export function demoStixBundle(at: Date): { type: 'bundle'; id: string; objects: object[] } {
  const created = new Date(at.getTime() - 6 * 3600_000).toISOString();
  const common = (label: keyof typeof tlp2MarkingIds) => ({
    spec_version: '2.1',
    created,
    modified: created,
    created_by_ref: ids.identity,
    object_marking_refs: [tlp2MarkingIds[label]],
  });
  return {
    type: 'bundle',
    id: 'bundle--0e5c7a9b-3d1f-4b6e-8a2c-9f7e5d3b1a09',
    objects: [
      {
        type: 'identity',
        id: ids.identity,
        spec_version: '2.1',
        created,
        modified: created,
        name: 'Virginia Fusion Center (demo)',
        identity_class: 'organization',
        sectors: ['government-regional'],
        object_marking_refs: [tlp2MarkingIds.CLEAR],
      },
      {
        type: 'malware',
        id: ids.malware,
        ...common('AMBER'),
        name: 'TideLock ransomware (demo)',
        description: 'Ransomware seen against a Hampton Roads water utility during Hurricane Delia (demo).',
        malware_types: ['ransomware'],
        is_family: true,
      },
      {
        type: 'indicator',
        id: ids.indicator,
        ...common('AMBER'),
        name: 'TideLock command-and-control address (demo)',
        indicator_types: ['malicious-activity'],
        pattern: "[ipv4-addr:value = '203.0.113.47']",
        pattern_type: 'stix',
        valid_from: created,
      },
      {
        type: 'indicator',
        id: ids.indicatorHash,
        ...common('AMBER'),
        name: 'TideLock dropper attached to storm-relief phishing e-mail (demo)',
        indicator_types: ['malicious-activity'],
        pattern:
          "[file:hashes.'SHA-256' = 'a3f1c2d4e5b6978877665544332211009988776655443322110099aabbccddee']",
        pattern_type: 'stix',
        valid_from: created,
      },
      {
        type: 'attack-pattern',
        id: ids.attackPattern,
        ...common('GREEN'),
        name: 'Phishing with storm-relief lures',
        external_references: [
          {
            source_name: 'mitre-attack',
            external_id: 'T1566',
            url: 'https://attack.mitre.org/techniques/T1566/',
          },
        ],
      },
      {
        type: 'vulnerability',
        id: ids.vulnerability,
        ...common('CLEAR'),
        name: 'CVE-2023-27997',
        description: 'FortiOS SSL-VPN heap overflow, exploited for initial access to utility networks.',
        external_references: [{ source_name: 'cve', external_id: 'CVE-2023-27997' }],
      },
      {
        type: 'relationship',
        id: ids.indicates,
        ...common('AMBER'),
        relationship_type: 'indicates',
        source_ref: ids.indicator,
        target_ref: ids.malware,
      },
      {
        type: 'relationship',
        id: ids.uses,
        ...common('AMBER'),
        relationship_type: 'uses',
        source_ref: ids.malware,
        target_ref: ids.attackPattern,
      },
    ],
  };
}
