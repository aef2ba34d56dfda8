import type { StandardsIssue } from '../xml/xsd-validator.ts';
import type { JsonValue } from './read-json.ts';

const stixTimestamp = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/;
const identifier =
  /^([a-z][a-z0-9-]+[a-z0-9])--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const sdoTypes = new Set([
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
]);

/** Reference properties whose target type the specification fixes (not expressible in JSON Schema). */
const refTargets: Record<string, (type: string) => boolean> = {
  created_by_ref: (t) => t === 'identity',
  object_marking_refs: (t) => t === 'marking-definition',
  marking_ref: (t) => t === 'marking-definition',
  sighting_of_ref: (t) => sdoTypes.has(t) || t.startsWith('x-'),
  where_sighted_refs: (t) => t === 'identity' || t === 'location',
  observed_data_refs: (t) => t === 'observed-data',
  sample_refs: (t) => t === 'artifact' || t === 'file',
  operating_system_ref: (t) => t === 'software',
  host_vm_ref: (t) => t === 'software',
  source_ref: (t) => t !== 'relationship' && t !== 'sighting' && t !== 'marking-definition' && t !== 'bundle',
  target_ref: (t) => t !== 'relationship' && t !== 'sighting' && t !== 'marking-definition' && t !== 'bundle',
};

/** Properties that hold timestamps. */
const timestampKeys = new Set([
  'created',
  'modified',
  'published',
  'first_seen',
  'last_seen',
  'first_observed',
  'last_observed',
  'start',
  'stop',
  'valid_from',
  'valid_until',
]);

/** Pairs that must be ordered: [earlier, later, strict?]. */
const orderedPairs: [string, string, boolean][] = [
  ['created', 'modified', false],
  ['valid_from', 'valid_until', true],
  ['first_seen', 'last_seen', false],
  ['first_observed', 'last_observed', false],
  ['start', 'stop', true],
];

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function timestampIssue(value: string): string | null {
  const match = stixTimestamp.exec(value);
  if (!match) return `${value} is not an RFC 3339 UTC timestamp (…Z)`;
  // The pattern admits 2016-02-30 and 25:00; check the calendar and the clock by their numbers.
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : (daysInMonth[month - 1] ?? 0);
  if (month < 1 || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) {
    return `${value} is not a real date`;
  }
  return null;
}

function checkRefs(key: string, value: JsonValue, path: string, errors: StandardsIssue[]) {
  const targets = Array.isArray(value) ? value : [value];
  targets.forEach((target, i) => {
    const where = Array.isArray(value) ? `${path}[${i}]` : path;
    if (typeof target !== 'string') return;
    const match = identifier.exec(target);
    if (!match?.[1]) {
      errors.push({ path: where, message: `${target} is not a STIX identifier (type--UUID)` });
      return;
    }
    const allowed = refTargets[key.endsWith('_refs') && !(key in refTargets) ? '' : key];
    if (allowed && !allowed(match[1]))
      errors.push({ path: where, message: `${key} may not point at a ${match[1]}` });
  });
}

/**
 * The STIX 2.1 MUSTs the OASIS schemas do not check: the id's type matches `type`, real UTC
 * timestamps, created ≤ modified and the other ordered pairs, reference targets of the right
 * type, nested markings; plus known deviations as warnings (a `modified` on a marking-definition).
 */
export function checkStixSemantics(object: { [key: string]: JsonValue }): {
  errors: StandardsIssue[];
  warnings: StandardsIssue[];
} {
  const errors: StandardsIssue[] = [];
  const warnings: StandardsIssue[] = [];
  const type = String(object.type);
  const id = String(object.id);
  const match = identifier.exec(id);
  if (!match) errors.push({ path: '.id', message: `${id} is not type--UUID` });
  else if (id !== id.toLowerCase()) {
    // The OASIS schema accepts upper-case hex; RFC 4122 writes lower case, and ids compare as text.
    warnings.push({ path: '.id', message: 'UUIDs are written in lower case' });
  }
  if (match && match[1] !== type)
    errors.push({ path: '.id', message: `the id names ${match[1]} but type is ${type}` });
  const times: Record<string, number> = {};
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string' && timestampKeys.has(key)) {
      const problem = timestampIssue(value);
      if (problem) errors.push({ path: `.${key}`, message: problem });
      else times[key] = Date.parse(value);
    }
    if (key.endsWith('_ref') || key.endsWith('_refs')) checkRefs(key, value, `.${key}`, errors);
  }
  for (const [earlier, later, strict] of orderedPairs) {
    const a = times[earlier];
    const b = times[later];
    if (a !== undefined && b !== undefined && (strict ? b <= a : b < a)) {
      errors.push({
        path: `.${later}`,
        message: `${later} must be ${strict ? 'after' : 'at or after'} ${earlier}`,
      });
    }
  }
  const granular = object.granular_markings;
  if (Array.isArray(granular)) {
    granular.forEach((marking, i) => {
      if (
        marking &&
        typeof marking === 'object' &&
        !Array.isArray(marking) &&
        typeof marking.marking_ref === 'string'
      ) {
        checkRefs('marking_ref', marking.marking_ref, `.granular_markings[${i}].marking_ref`, errors);
      }
    });
  }
  if (type === 'marking-definition' && 'modified' in object) {
    warnings.push({
      path: '.modified',
      message: 'a marking-definition has no modified property (it never changes)',
    });
  }
  if (sdoTypes.has(type) && object.spec_version !== '2.1') {
    errors.push({ path: '.spec_version', message: 'STIX 2.1 objects carry spec_version "2.1"' });
  }
  for (const key of Object.keys(object)) {
    if (key.startsWith('x_')) warnings.push({ path: `.${key}`, message: 'custom property kept as is' });
  }
  return { errors, warnings };
}
