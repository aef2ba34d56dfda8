/**
 * Table types of the one schema both engines share. JSON lists are stored as text
 * and booleans as 0/1 integers so the same SQL runs on SQLite and PostgreSQL.
 */
export type AgencyTable = {
  id: string;
  name: string;
  kind: string;
  parent_id: string | null;
  jurisdiction: string;
  active: number;
  created_at: string;
};

export type UserTable = {
  id: string;
  email: string;
  display_name: string;
  agency_id: string;
  roles: string;
  attributes: string;
  password_hash: string;
  active: number;
  failed_attempts: number;
  locked_until: string | null;
  created_at: string;
};

export type SessionTable = {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
};

export type ApiTokenTable = {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
};

/** Markings are immutable: a record whose marking changes points at a new row. */
export type MarkingTable = {
  id: string;
  owner_agency_id: string;
  author_user_id: string;
  tlp: string;
  caveat_mask: number;
  created_at: string;
};

export type MarkingShareTable = {
  marking_id: string;
  /** `agency` or `user` (RED names people). */
  grantee_type: string;
  grantee_id: string;
};

export type BulletinTable = {
  id: string;
  title: string;
  body: string;
  status: string;
  marking_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  retracted_at: string | null;
  retraction_reason: string | null;
};

export type JournalTable = {
  seq: number;
  at: string;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  kind: string;
  entity_type: string;
  entity_id: string;
  change: string;
  marking_id: string | null;
  marking: string | null;
  prev_hash: string;
  hash: string;
};

/** One row: the last sequence number and hash. Updating it serializes journal writers on both engines. */
export type JournalHeadTable = { id: number; seq: number; hash: string };

/** One county of the imported NRI table; `data` is core's `NriCounty` as JSON text. */
export type NriCountyTable = {
  stcofips: string;
  county: string;
  release_name: string;
  data: string;
  imported_at: string;
};

/** A planner's marked record (risk module); `data` is the kind's core contract as JSON text. */
export type RiskRecordTable = {
  id: string;
  kind: string;
  parent_id: string | null;
  title: string;
  data: string;
  marking_id: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export type Schema = {
  agencies: AgencyTable;
  users: UserTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  markings: MarkingTable;
  marking_shares: MarkingShareTable;
  bulletins: BulletinTable;
  journal: JournalTable;
  journal_head: JournalHeadTable;
  nri_counties: NriCountyTable;
  risk_records: RiskRecordTable;
};
