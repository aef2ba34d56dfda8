import type { GraphEdge, Viewer } from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { createEdges } from './dependency.actions.ts';
import { createAssets } from './infrastructure.actions.ts';
import { loadVirginiaInfrastructure } from './virginia-assets.ts';

export type InfrastructureSeedResult = { assets: number; edges: number };

/**
 * The demo's critical infrastructure: real Virginia assets registered by the agencies that
 * would hold them (hospitals by the hospital coalition, the grid by the electric utility,
 * fire/EMS stations and dams by VDEM), and the inferred power dependencies entered by whoever
 * may edit each dependent. Substations are TLP:AMBER, shared with the state office, VDEM (and
 * so its localities) and the hospital coalition; the rest is TLP:GREEN. Each import is one
 * transaction with one journal entry per record.
 */
export async function seedInfrastructure(
  deps: AppDeps,
  viewers: ReadonlyMap<string, Viewer>,
  agencies: Readonly<Record<string, string>>,
): Promise<InfrastructureSeedResult> {
  const hospital = viewers.get('hospital@vigil.example');
  const power = viewers.get('power@vigil.example');
  const planner = viewers.get('planner@vigil.example');
  if (!hospital || !power || !planner) return { assets: 0, edges: 0 };
  const va = loadVirginiaInfrastructure();
  const shareGrid = ['ohs', 'vdem', 'hospitals'].flatMap((key) => (agencies[key] ? [agencies[key]] : []));
  await createAssets(deps, power, va.powerPlants, { tlp: 'GREEN' }, 'seed');
  await createAssets(deps, power, va.substations, { tlp: 'AMBER', shareWith: shareGrid }, 'seed');
  await createAssets(deps, hospital, va.hospitals, { tlp: 'GREEN' }, 'seed');
  await createAssets(deps, planner, [...va.fireStations, ...va.dams], { tlp: 'GREEN' }, 'seed');

  const ownerOf = new Map<string, Viewer>();
  for (const a of [...va.powerPlants, ...va.substations]) ownerOf.set(a.id as string, power);
  for (const a of va.hospitals) ownerOf.set(a.id as string, hospital);
  for (const a of va.fireStations) ownerOf.set(a.id as string, planner);
  const byEditor = new Map<Viewer, GraphEdge[]>();
  for (const edge of va.edges) {
    const editor = ownerOf.get(edge.dependent) as Viewer;
    byEditor.set(editor, [...(byEditor.get(editor) ?? []), edge]);
  }
  for (const [editor, edges] of byEditor) {
    await createEdges(
      deps,
      editor,
      edges.map((edge) => ({
        supplierId: edge.supplier,
        dependentId: edge.dependent,
        type: edge.type,
        k: edge.k,
      })),
    );
  }
  const assets =
    va.powerPlants.length +
    va.substations.length +
    va.hospitals.length +
    va.fireStations.length +
    va.dams.length;
  return { assets, edges: va.edges.length };
}
