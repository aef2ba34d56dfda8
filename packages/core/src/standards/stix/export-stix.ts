import { createHash } from 'node:crypto';
import type { TlpLabel } from '../../access/tlp.ts';
import type { Agency } from '../../agencies/agency.ts';
import type { JsonValue } from './read-json.ts';
import { tlp2MarkingDefinition, tlp2MarkingIds, tlpOfObject } from './tlp-markings.ts';

/** Namespace of Vigil's deterministic STIX ids (UUIDv5): an agency is the same identity in every export. */
export const vigilStixNamespace = '6f1d7a7e-2c51-4a55-9b39-3f0c2d8a9e11';

export function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sectorOf: Record<Agency['kind'], string> = {
  federal: 'government-national',
  state: 'government-regional',
  local: 'government-local',
  tribal: 'government-local',
  territorial: 'government-regional',
  private: 'infrastructure',
  ngo: 'non-profit',
};

/** An agency as a STIX 2.1 identity (organization), with a stable id derived from the Vigil id. */
export function agencyToStixIdentity(
  agency: Pick<Agency, 'id' | 'name' | 'kind' | 'createdAt'>,
): Record<string, JsonValue> {
  const created = new Date(agency.createdAt).toISOString();
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuidV5(vigilStixNamespace, `agency:${agency.id}`)}`,
    created,
    modified: created,
    name: agency.name,
    identity_class: 'organization',
    sectors: [sectorOf[agency.kind]],
    x_vigil_agency_id: agency.id,
  };
}

/**
 * A STIX 2.1 bundle of exported objects. Every TLP marking an object references is included
 * as its official TLP 2.0 marking-definition, so a receiver needs nothing else to honour it.
 */
export function buildStixBundle(
  bundleUuid: string,
  objects: Record<string, JsonValue>[],
): Record<string, JsonValue> {
  const labels = new Set<TlpLabel>();
  for (const object of objects) {
    const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs.map(String) : [];
    const label = tlpOfObject(refs);
    if (label) labels.add(label);
  }
  const present = new Set(objects.map((o) => o.id));
  const markings = [...labels]
    .filter((label) => !present.has(tlp2MarkingIds[label]))
    .map((label) => tlp2MarkingDefinition(label) as Record<string, JsonValue>);
  return { type: 'bundle', id: `bundle--${bundleUuid}`, objects: [...markings, ...objects] };
}
