import { missingCaveatMask, type Viewer } from '@vigil/core';
import { type RawBuilder, type SqlBool, sql } from 'kysely';

/**
 * What the SQL predicate needs to know about a viewer. Prepared queries bind the ids as
 * parameters; `missingCaveats` is written into the SQL text (a small integer: one text
 * per combination of caveat attributes).
 */
export type AccessTerms = {
  userId: string;
  agencyId: string;
  /** The viewer's agency and its ancestors: a share with any of them reaches the viewer (not for AMBER+STRICT). */
  agencyIds: readonly string[];
  /** Caveat bits the viewer lacks: a marking carrying any of them is hidden. */
  missingCaveats: number;
};

export function accessTermsOf(viewer: Viewer): AccessTerms {
  return {
    userId: viewer.userId,
    agencyId: viewer.agencyId,
    agencyIds: [viewer.agencyId, ...viewer.agencyAncestorIds],
    missingCaveats: missingCaveatMask(viewer),
  };
}

/**
 * The SQL twin of core's `canSee`: a predicate over a `markings` row aliased `alias`.
 * Every query that returns marked records joins `markings` and adds this predicate,
 * so what is hidden never leaves the database (lists, counts, history, replay).
 * A property test in this folder holds it equal to `canSee` on random data.
 */
export function visibleMarkings(viewer: Viewer, alias = 'm'): RawBuilder<SqlBool> {
  return visibleMarkingsTo(accessTermsOf(viewer), alias);
}

/**
 * A viewer's access terms as a prepared query takes them (see preparedQuery): the ids
 * as parameters, under names no filter of a query can take; the caveat mask as shape.
 */
export type ViewerValues = {
  viewerUserId: string;
  viewerAgencyId: string;
  viewerAgencyIds: readonly string[];
};
export type ViewerShape = { missingCaveats: number };

export function viewerParameters(viewer: Viewer): { values: ViewerValues; shape: ViewerShape } {
  const terms = accessTermsOf(viewer);
  return {
    values: { viewerUserId: terms.userId, viewerAgencyId: terms.agencyId, viewerAgencyIds: terms.agencyIds },
    shape: { missingCaveats: terms.missingCaveats },
  };
}

/** `visibleMarkings` inside a prepared query, from the stand-ins of `viewerParameters`. */
export function visibleMarkingsOf(
  values: ViewerValues,
  shape: ViewerShape,
  alias = 'm',
): RawBuilder<SqlBool> {
  return visibleMarkingsTo(
    {
      userId: values.viewerUserId,
      agencyId: values.viewerAgencyId,
      agencyIds: values.viewerAgencyIds,
      missingCaveats: shape.missingCaveats,
    },
    alias,
  );
}

function visibleMarkingsTo(terms: AccessTerms, alias = 'm'): RawBuilder<SqlBool> {
  const m = (column: string) => sql.ref(`${alias}.${column}`);
  const own = sql.join(terms.agencyIds);
  const shared = (type: 'agency' | 'user', ids: RawBuilder<unknown>) =>
    sql`exists (select 1 from marking_shares s where s.marking_id = ${m('id')} and s.grantee_type = ${type} and s.grantee_id in (${ids}))`;
  const noAgencyShares = sql`not exists (select 1 from marking_shares s where s.marking_id = ${m('id')} and s.grantee_type = 'agency')`;
  return sql<SqlBool>`(${m('author_user_id')} = ${terms.userId} or ((${m('caveat_mask')} & ${sql.lit(
    terms.missingCaveats,
  )}) = 0 and (
    ${m('tlp')} = 'CLEAR'
    or (${m('tlp')} = 'GREEN' and (${noAgencyShares} or ${m('owner_agency_id')} = ${terms.agencyId} or ${shared('agency', own)}))
    or (${m('tlp')} = 'AMBER' and (${m('owner_agency_id')} = ${terms.agencyId} or ${shared('agency', own)}))
    or (${m('tlp')} = 'AMBER+STRICT' and (${m('owner_agency_id')} = ${terms.agencyId} or ${shared('agency', sql`${terms.agencyId}`)}))
    or (${m('tlp')} = 'RED' and ${shared('user', sql`${terms.userId}`)})
  )))`;
}
