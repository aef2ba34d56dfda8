import type { Viewer } from '@vigil/core';
import type { CapVerdict } from '@vigil/core/standards/cap';
import { checkStixBundle } from '@vigil/core/standards/stix';
import type { AppDeps } from '../platform/deps.ts';
import { collectionFor, createCollection, importStixBundle, ingestCapAlerts } from './interop.actions.ts';
import { demoCapAlertXml, demoStixBundle } from './interop-demo-data.ts';
import { standardsPool } from './standards-pool.ts';

export const demoCollectionAlias = 'va-cyber-demo';

/**
 * The interop part of the Virginia demo (DEMO.md): a TAXII collection the state office owns and
 * State Police and the two utilities read, holding the storm-time ransomware intelligence
 * (TLP:AMBER, so only the collection's readers see it), and VDEM's bilingual hurricane
 * warning for the coastal counties as a received CAP alert. Both documents go through the
 * same checks a partner's upload takes, so the demo can only hold valid records; the alert's
 * check runs in a worker thread (libxml2 loads there) while the collection and the bundle are done.
 */
export async function seedInteropDemo(
  deps: AppDeps,
  viewers: Map<string, Viewer>,
  agencies: Record<string, string>,
): Promise<void> {
  const admin = viewers.get('admin@vigil.example') as Viewer;
  const analyst = viewers.get('analyst@vigil.example') as Viewer;
  const pio = viewers.get('pio@vigil.example') as Viewer;
  const now = deps.now();
  const capCheck = standardsPool().run<CapVerdict[]>({
    kind: 'cap',
    bytes: Buffer.from(demoCapAlertXml(now), 'utf8'),
    strict: true,
    ipaws: false,
  });
  const grant = (key: string, canWrite: boolean) => ({
    agencyId: agencies[key] as string,
    canRead: true,
    canWrite,
  });
  await createCollection(deps, admin, {
    title: 'Virginia cyber threat sharing (demo)',
    description:
      '[Demo data] Indicators and threat context shared by the state fusion center with State Police and the utilities.',
    alias: demoCollectionAlias,
    defaultTlp: 'AMBER',
    access: [grant('vsp', true), grant('power', false), grant('water', true)],
  });
  // Eight objects: checked here while the worker loads libxml2 for the alert (the slow part of the seed).
  const stix = checkStixBundle(JSON.stringify(demoStixBundle(now)));
  const invalid = [...stix.errors, ...stix.objects.flatMap((o) => o.errors)];
  if (invalid.length) throw new Error(`demo STIX bundle invalid: ${JSON.stringify(invalid.slice(0, 3))}`);
  await importStixBundle(deps, analyst, await collectionFor(deps, analyst, demoCollectionAlias), stix);
  await ingestCapAlerts(deps, pio, await capCheck, undefined);
}
