/** Deterministic bulletin-like text, so every run and every peer handles the same bytes. */

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjects = [
  'Severe thunderstorm watch',
  'Water main break',
  'Substation outage',
  'Suspicious package report',
  'Shelter capacity update',
  'Road closure',
  'Phishing campaign against county mail',
  'Hospital diversion status',
  'Dam spillway inspection',
  'Fuel supply disruption',
];
const places = [
  'Norfolk',
  'Richmond',
  'Roanoke',
  'Arlington',
  'Chesapeake',
  'Fairfax',
  'Hampton',
  'Lynchburg',
];
const sentences = [
  'Crews are on scene and expect an update within the next operational period.',
  'Partner agencies should review their continuity plans and confirm staffing levels.',
  'No injuries have been reported; the situation remains under active monitoring.',
  'Expect delays on primary routes; detours are posted and coordinated with state police.',
  'The EOC is at partial activation; liaison officers are requested by 1800 local time.',
  'Public messaging is coordinated through the joint information center; do not release independently.',
  'Critical-infrastructure owners in the affected area have been notified by phone.',
  'Resource requests should go through the mutual aid coordinator with NIMS resource typing.',
];

/** A title and a body of about 600 characters, varied by the PRNG and the index. */
export function bulletinText(next: () => number, index: number): { title: string; body: string } {
  const pickOne = (items: readonly string[]) => items[Math.floor(next() * items.length)] as string;
  const title = `${pickOne(subjects)} — ${pickOne(places)} (#${index + 1})`;
  let body = `${title}.`;
  while (body.length < 560) body += ` ${pickOne(sentences)}`;
  return { title, body };
}
