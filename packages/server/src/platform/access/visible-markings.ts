import { missingCaveatMask, type Viewer } from '@vigil/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * The SQL twin of core's `canSee`: a predicate over a `markings` row aliased `alias`.
 * Every query that returns marked records joins `markings` and adds this predicate,
 * so what is hidden never leaves the database (lists, counts, history, replay).
 * A property test in this folder holds it equal to `canSee` on random data.
 */
export function visibleMarkings(viewer: Viewer, alias = 'm'): RawBuilder<SqlBool> {
  const m = (column: string) => sql.ref(`${alias}.${column}`);
  const own = sql.join([viewer.agencyId, ...viewer.agencyAncestorIds]);
  const shared = (type: 'agency' | 'user', ids: RawBuilder<unknown>) =>
    sql`exists (select 1 from marking_shares s where s.marking_id = ${m('id')} and s.grantee_type = ${type} and s.grantee_id in (${ids}))`;
  const noAgencyShares = sql`not exists (select 1 from marking_shares s where s.marking_id = ${m('id')} and s.grantee_type = 'agency')`;
  return sql<SqlBool>`(${m('author_user_id')} = ${viewer.userId} or ((${m('caveat_mask')} & ${sql.lit(
    missingCaveatMask(viewer),
  )}) = 0 and (
    ${m('tlp')} = 'CLEAR'
    or (${m('tlp')} = 'GREEN' and (${noAgencyShares} or ${m('owner_agency_id')} = ${viewer.agencyId} or ${shared('agency', own)}))
    or (${m('tlp')} = 'AMBER' and (${m('owner_agency_id')} = ${viewer.agencyId} or ${shared('agency', own)}))
    or (${m('tlp')} = 'AMBER+STRICT' and (${m('owner_agency_id')} = ${viewer.agencyId} or ${shared('agency', sql`${viewer.agencyId}`)}))
    or (${m('tlp')} = 'RED' and ${shared('user', sql`${viewer.userId}`)})
  )))`;
}
