import type { TlpLabel } from '../../access/tlp.ts';

/**
 * FIRST TLP 2.0 marking-definition ids of STIX 2.1 (oasis-open/cti-stix-common-objects,
 * extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d). Exactly these: some public
 * code carries wrong ids, and a wrong id silently drops a marking.
 */
export const tlp2MarkingIds: Record<TlpLabel, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** TLP 1.0 ids of the STIX 2.1 specification; WHITE became CLEAR in TLP 2.0. */
export const tlp1MarkingIds: Record<string, TlpLabel> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};

export const tlp2ExtensionId = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const byId = new Map<string, TlpLabel>([
  ...Object.entries(tlp2MarkingIds).map(([label, id]) => [id, label as TlpLabel] as const),
  ...Object.entries(tlp1MarkingIds),
]);

export function tlpOfMarkingId(id: string): TlpLabel | undefined {
  return byId.get(id);
}

/**
 * The TLP an object carries through `object_marking_refs`: the most restrictive one when
 * several are listed, undefined when none is a TLP marking.
 */
export function tlpOfObject(markingRefs: readonly string[] | undefined): TlpLabel | undefined {
  const order: TlpLabel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
  let found: TlpLabel | undefined;
  for (const ref of markingRefs ?? []) {
    const label = byId.get(ref);
    if (label && (!found || order.indexOf(label) > order.indexOf(found))) found = label;
  }
  return found;
}

/** The official TLP 2.0 marking-definition object, for bundles Vigil exports. */
export function tlp2MarkingDefinition(label: TlpLabel): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: tlp2MarkingIds[label],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${label}`,
    extensions: { [tlp2ExtensionId]: { extension_type: 'property-extension', tlp_2_0: label.toLowerCase() } },
  };
}
