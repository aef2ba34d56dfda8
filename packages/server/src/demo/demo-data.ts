import type { AgencyKind, MarkingInput, Role, UserAttribute } from '@vigil/core';

/**
 * The Virginia demo: real jurisdictions (county-equivalent FIPS codes as published in
 * FEMA's National Risk Index v1.19 county table, which the risk module will ship with its
 * provenance), invented people, utilities and bulletins, which say they are demo data.
 * Keys are local names the seed resolves to ids.
 */
export type DemoAgency = { key: string; name: string; kind: AgencyKind; parent?: string; fips: string[] };
export type DemoUser = {
  email: string;
  name: string;
  agency: string;
  roles: Role[];
  attributes?: UserAttribute[];
};
export type DemoBulletin = {
  author: string;
  title: string;
  body: string;
  tlp: MarkingInput['tlp'];
  caveats?: MarkingInput['caveats'];
  /** Agency keys, or user e-mails for TLP:RED. */
  shareWith?: string[];
};

export const demoAgencies: DemoAgency[] = [
  { key: 'ohs', name: 'Virginia Office of Public Safety and Homeland Security', kind: 'state', fips: ['51'] },
  {
    key: 'vdem',
    name: 'Virginia Department of Emergency Management',
    kind: 'state',
    parent: 'ohs',
    fips: ['51'],
  },
  { key: 'vsp', name: 'Virginia State Police', kind: 'state', parent: 'ohs', fips: ['51'] },
  {
    key: 'fairfax',
    name: 'Fairfax County Office of Emergency Management',
    kind: 'local',
    parent: 'vdem',
    fips: ['51059'],
  },
  {
    key: 'norfolk',
    name: 'City of Norfolk Emergency Management',
    kind: 'local',
    parent: 'vdem',
    fips: ['51710'],
  },
  {
    key: 'vabeach',
    name: 'City of Virginia Beach Emergency Management',
    kind: 'local',
    parent: 'vdem',
    fips: ['51810'],
  },
  {
    key: 'chesapeake',
    name: 'City of Chesapeake Emergency Management',
    kind: 'local',
    parent: 'vdem',
    fips: ['51550'],
  },
  {
    key: 'richmond',
    name: 'City of Richmond Office of Emergency Management',
    kind: 'local',
    parent: 'vdem',
    fips: ['51760'],
  },
  {
    key: 'accomack',
    name: 'Accomack County Emergency Management',
    kind: 'local',
    parent: 'vdem',
    fips: ['51001'],
  },
  { key: 'hospitals', name: 'Virginia Hospital Coalition (demo)', kind: 'ngo', fips: ['51'] },
  {
    key: 'power',
    name: 'Tidewater Electric Cooperative (demo)',
    kind: 'private',
    fips: ['51710', '51810', '51550', '51740'],
  },
  {
    key: 'water',
    name: 'Hampton Roads Water Authority (demo)',
    kind: 'private',
    fips: ['51710', '51810', '51550'],
  },
  { key: 'fema', name: 'FEMA Region 3', kind: 'federal', fips: ['51'] },
];

export const demoUsers: DemoUser[] = [
  {
    email: 'director@vigil.example',
    name: 'Dana Whitfield (demo)',
    agency: 'ohs',
    roles: ['director'],
    attributes: ['law-enforcement', 'pii-access'],
  },
  { email: 'admin@vigil.example', name: 'Sam Okafor (demo)', agency: 'ohs', roles: ['admin'] },
  {
    email: 'analyst@vigil.example',
    name: 'Priya Raman (demo)',
    agency: 'ohs',
    roles: ['analyst'],
    attributes: ['law-enforcement', 'cyber'],
  },
  { email: 'finance@vigil.example', name: 'Leo Brandt (demo)', agency: 'ohs', roles: ['finance'] },
  { email: 'planner@vigil.example', name: 'Maria Chen (demo)', agency: 'vdem', roles: ['planner'] },
  {
    email: 'operations@vigil.example',
    name: 'Tom Alvarez (demo)',
    agency: 'vdem',
    roles: ['operations'],
    attributes: ['pii-access'],
  },
  { email: 'logistics@vigil.example', name: 'Grace Kim (demo)', agency: 'vdem', roles: ['logistics'] },
  { email: 'pio@vigil.example', name: 'Nora Haddad (demo)', agency: 'vdem', roles: ['public-information'] },
  {
    email: 'trooper@vigil.example',
    name: 'Sgt. Ray Duncan (demo)',
    agency: 'vsp',
    roles: ['analyst'],
    attributes: ['law-enforcement'],
  },
  { email: 'norfolk@vigil.example', name: 'Ada Jensen (demo)', agency: 'norfolk', roles: ['operations'] },
  { email: 'fairfax@vigil.example', name: 'Omar Said (demo)', agency: 'fairfax', roles: ['operations'] },
  {
    email: 'accomack@vigil.example',
    name: 'Beth Turner (demo)',
    agency: 'accomack',
    roles: ['operations'],
    attributes: ['pii-access'],
  },
  { email: 'hospital@vigil.example', name: 'Dr. Ken Ito (demo)', agency: 'hospitals', roles: ['partner'] },
  { email: 'power@vigil.example', name: 'Jo Park (demo)', agency: 'power', roles: ['partner'] },
  {
    email: 'water@vigil.example',
    name: 'Ed Lucero (demo)',
    agency: 'water',
    roles: ['partner'],
    attributes: ['cyber'],
  },
  { email: 'fema@vigil.example', name: 'Ann Walsh (demo)', agency: 'fema', roles: ['viewer'] },
];

export const demoBulletins: DemoBulletin[] = [
  {
    author: 'pio@vigil.example',
    title: 'Hurricane season: public preparedness guidance',
    body: '[Demo data] Residents of Hampton Roads and the Eastern Shore should know their evacuation zone, build a kit for 72 hours and sign up for local alerts.',
    tlp: 'CLEAR',
  },
  {
    author: 'operations@vigil.example',
    title: 'Tropical storm watch: Hampton Roads coordination call at 14:00',
    body: '[Demo data] VDEM hosts a coordination call for localities, utilities and hospitals. Bridge details in WebEOC notes; agenda: surge timing, shelter openings, fuel.',
    tlp: 'GREEN',
  },
  {
    author: 'analyst@vigil.example',
    title: 'Ransomware attempt against water utility SCADA network',
    body: '[Demo data] Hampton Roads Water Authority reports phishing-delivered ransomware blocked at an engineering workstation. Indicators attached in the STIX bundle. Do not share beyond need-to-know.',
    tlp: 'AMBER',
    shareWith: ['water', 'vsp'],
  },
  {
    author: 'hospital@vigil.example',
    title: 'Norfolk hospitals: generator fuel status',
    body: '[Demo data] Two Norfolk hospitals report 48 hours of generator fuel at current load; resupply requested through the city EOC.',
    tlp: 'AMBER+STRICT',
    shareWith: ['norfolk'],
  },
  {
    author: 'accomack@vigil.example',
    title: 'Eastern Shore shelter registrations',
    body: '[Demo data] Shelter registrations with names and medical needs are held by Accomack County; request access through the county EOC.',
    tlp: 'AMBER',
    caveats: ['PII'],
    shareWith: ['vdem'],
  },
  {
    author: 'trooper@vigil.example',
    title: 'Threat reporting on an evacuation route',
    body: '[Demo data] Uncorroborated report of a planned disruption on I-264 during evacuation. Law-enforcement sensitive; for named recipients only.',
    tlp: 'RED',
    caveats: ['LES'],
    shareWith: ['director@vigil.example', 'analyst@vigil.example'],
  },
];
