import { randomUUID } from 'node:crypto';
import {
  assertMayEditAsset,
  DomainError,
  decideRequirementK,
  type Edge,
  type EdgeCreate,
  type Marking,
  type Viewer,
} from '@vigil/core';
import type { Trx } from '../platform/database/transaction.ts';
import type { AppDeps } from '../platform/deps.ts';
import { appendJournal } from '../platform/journal/journal.store.ts';
import { toEdgeView } from './asset-view.ts';
import { journalDraft, loadVisibleAsset, markingsOf } from './infrastructure.actions.ts';
import {
  type AssetRow,
  deleteEdgeRow,
  findVisibleAssets,
  findVisibleEdge,
  insertEdgeRows,
  listRequirementEdges,
  listVisibleEdges,
  setRequirementK,
} from './infrastructure.store.ts';

/**
 * Adds dependencies in one transaction. Both assets must be visible to the caller (404 naming
 * the field otherwise) and the caller must be allowed to edit the dependent. The k given
 * becomes the k of the whole requirement (dependent, type) and must fit its suppliers.
 */
export async function createEdges(
  deps: AppDeps,
  viewer: Viewer,
  inputs: readonly EdgeCreate[],
): Promise<Edge[]> {
  const { db, engine } = deps.database;
  const field = (i: number, name: string) => (inputs.length > 1 ? `[${i}].${name}` : name);
  const ids = [...new Set(inputs.flatMap((input) => [input.supplierId, input.dependentId]))];
  const rows = new Map((await findVisibleAssets(db, viewer, ids)).map((row) => [row.id, row]));
  const markings = await markingsOf(deps, [...rows.values()]);
  const requirements = new Map<
    string,
    { dependentId: string; type: string; suppliers: Set<string>; k: number; kFrom: number | null }
  >();
  for (const [i, input] of inputs.entries()) {
    if (!rows.has(input.supplierId))
      throw new DomainError('NOT_FOUND', `no asset ${input.supplierId}`, { field: field(i, 'supplierId') });
    const dependent = rows.get(input.dependentId);
    if (!dependent)
      throw new DomainError('NOT_FOUND', `no asset ${input.dependentId}`, { field: field(i, 'dependentId') });
    if (input.supplierId === input.dependentId) {
      throw new DomainError('VALIDATION_FAILED', 'an asset cannot supply itself', {
        field: field(i, 'supplierId'),
      });
    }
    assertMayEditAsset(viewer, markings.get(dependent.marking_id) as Marking);
    const key = `${input.dependentId}\u0000${input.type}`;
    let requirement = requirements.get(key);
    if (!requirement) {
      const existing = await listRequirementEdges(db, input.dependentId, input.type);
      requirement = {
        dependentId: input.dependentId,
        type: input.type,
        suppliers: new Set(existing.map((edge) => edge.supplier_id)),
        k: input.k,
        kFrom: existing[0] ? Number(existing[0].k) : null,
      };
      requirements.set(key, requirement);
    } else if (requirement.k !== input.k) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `k ${input.k} differs from k ${requirement.k} given for the same requirement`,
        {
          field: field(i, 'k'),
        },
      );
    }
    if (requirement.suppliers.has(input.supplierId)) {
      throw new DomainError(
        'CONFLICT',
        `${input.supplierId} already supplies ${input.dependentId} with ${input.type}`,
        {
          field: field(i, 'supplierId'),
        },
      );
    }
    requirement.suppliers.add(input.supplierId);
  }
  for (const requirement of requirements.values()) {
    const first = inputs.findIndex(
      (input) => input.dependentId === requirement.dependentId && input.type === requirement.type,
    );
    decideRequirementK(requirement.suppliers.size, requirement.k, field(first, 'k'));
  }
  const at = deps.now().toISOString();
  const created = inputs.map((input) => ({
    id: randomUUID(),
    supplier_id: input.supplierId,
    dependent_id: input.dependentId,
    type: input.type,
    k: input.k,
    created_at: at,
    updated_at: at,
  }));
  await db.transaction().execute(async (trx: Trx) => {
    for (const requirement of requirements.values()) {
      if (requirement.kFrom !== null && requirement.kFrom !== requirement.k) {
        await setRequirementK(trx, requirement.dependentId, requirement.type, requirement.k, at);
      }
    }
    await insertEdgeRows(trx, created);
    for (const edge of created) {
      // Journaled under the dependent's marking: whoever may see the dependent learns that its supply changed.
      const dependent = rows.get(edge.dependent_id) as AssetRow;
      await appendJournal(
        trx,
        engine,
        journalDraft(
          viewer,
          at,
          'infrastructure-edge.created',
          { type: 'infrastructure-edge', id: edge.id },
          dependent.marking_id,
          markings.get(dependent.marking_id) as Marking,
          { supplierId: edge.supplier_id, dependentId: edge.dependent_id, type: edge.type, k: edge.k },
        ),
      );
    }
  });
  void deps.hub.notify();
  return created.map(toEdgeView);
}

async function loadEditableEdge(deps: AppDeps, viewer: Viewer, id: string) {
  const edge = await findVisibleEdge(deps.database.db, viewer, id);
  if (!edge) throw new DomainError('NOT_FOUND', `no dependency ${id}`);
  const { row: dependent, marking } = await loadVisibleAsset(deps, viewer, edge.dependent_id);
  assertMayEditAsset(viewer, marking);
  const requirement = await listRequirementEdges(deps.database.db, edge.dependent_id, edge.type);
  return { edge, dependent, marking, requirement };
}

/** Sets k for the requirement the edge belongs to (all its edges share one k). */
export async function updateEdgeK(deps: AppDeps, viewer: Viewer, id: string, k: number): Promise<Edge> {
  const { edge, dependent, marking, requirement } = await loadEditableEdge(deps, viewer, id);
  decideRequirementK(requirement.length, k);
  if (Number(edge.k) === k) return toEdgeView(edge);
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx: Trx) => {
    await setRequirementK(trx, edge.dependent_id, edge.type, k, at);
    await appendJournal(
      trx,
      deps.database.engine,
      journalDraft(
        viewer,
        at,
        'infrastructure-edge.updated',
        { type: 'infrastructure-edge', id },
        dependent.marking_id,
        marking,
        {
          k: { from: Number(edge.k), to: k },
          dependentId: edge.dependent_id,
          type: edge.type,
        },
      ),
    );
  });
  void deps.hub.notify();
  return toEdgeView({ ...edge, k, updated_at: at });
}

/** Removes a dependency; a requirement that needed all its suppliers lowers k with it. */
export async function deleteEdge(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
): Promise<{ kLoweredTo: number | null }> {
  const { edge, dependent, marking, requirement } = await loadEditableEdge(deps, viewer, id);
  const remaining = requirement.length - 1;
  const kLoweredTo = remaining > 0 && Number(edge.k) > remaining ? remaining : null;
  const at = deps.now().toISOString();
  await deps.database.db.transaction().execute(async (trx: Trx) => {
    await deleteEdgeRow(trx, id);
    if (kLoweredTo !== null) await setRequirementK(trx, edge.dependent_id, edge.type, kLoweredTo, at);
    await appendJournal(
      trx,
      deps.database.engine,
      journalDraft(
        viewer,
        at,
        'infrastructure-edge.deleted',
        { type: 'infrastructure-edge', id },
        dependent.marking_id,
        marking,
        {
          supplierId: edge.supplier_id,
          dependentId: edge.dependent_id,
          type: edge.type,
          kLoweredTo,
        },
      ),
    );
  });
  void deps.hub.notify();
  return { kLoweredTo };
}

export async function listEdges(
  deps: AppDeps,
  viewer: Viewer,
  query: { assetId?: string; limit: number; offset: number },
): Promise<{ items: Edge[]; total: number }> {
  const { rows, total } = await listVisibleEdges(deps.database.db, viewer, query);
  return { items: rows.map(toEdgeView), total };
}
