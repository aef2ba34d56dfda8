import { findAgencyAncestors } from '@vigil/core';
import type { Executor } from '../database/transaction.ts';

/**
 * Agency parents never change after creation and agencies are never deleted, so
 * each process may keep the parent map and only reload it when it meets an agency
 * it does not know yet (created by this or another instance).
 */
export class AgencyDirectory {
  #parentOf = new Map<string, string | null>();
  #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async ancestorsOf(agencyId: string): Promise<string[]> {
    if (!this.#parentOf.has(agencyId)) await this.reload();
    return findAgencyAncestors(agencyId, this.#parentOf);
  }

  async reload(): Promise<void> {
    const rows = await this.#db.selectFrom('agencies').select(['id', 'parent_id']).execute();
    this.#parentOf = new Map(rows.map((row) => [row.id, row.parent_id]));
  }
}
