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

/** Interop (0005): CAP alerts received, TAXII collections and their access, STIX object versions, statuses. */
export type CapAlertTable = {
  id: string;
  identifier: string;
  sender: string;
  sent: string;
  status: string;
  msg_type: string;
  scope: string;
  event: string;
  source_version: string;
  signature_status: string;
  alert_json: string;
  marking_id: string;
  received_at: string;
};
export type TaxiiCollectionTable = {
  id: string;
  title: string;
  description: string;
  alias: string | null;
  owner_agency_id: string;
  default_tlp: string;
  created_at: string;
};
export type TaxiiCollectionAccessTable = {
  collection_id: string;
  agency_id: string;
  can_read: number;
  can_write: number;
};
export type StixObjectTable = {
  collection_id: string;
  object_id: string;
  version: string;
  type: string;
  spec_version: string;
  date_added: string;
  object_json: string;
  marking_id: string;
};
export type TaxiiStatusTable = {
  id: string;
  collection_id: string;
  requested_by: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  successes: string;
  failures: string;
};

/** A grant portfolio: the portfolio file as JSON text, marked like any shareable record. */
export type BudgetPortfolioTable = {
  id: string;
  name: string;
  body: string;
  marking_id: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** Set when the owner deletes it (0009): hidden everywhere, kept for its execution and journal. */
  deleted_at: string | null;
};

export type BudgetRunTable = {
  id: string;
  portfolio_id: string;
  portfolio_version: number;
  status: string;
  objective: number | null;
  gap: number | null;
  result: string;
  author_user_id: string;
  created_at: string;
};

/** A solve in flight (migration 0010): a view for progress polls, deleted when the solve ends. */
export type BudgetOptimizeProgressTable = {
  ticket: string;
  portfolio_id: string;
  portfolio_version: number;
  time_limit: number;
  state: 'queued' | 'running';
  entered_at: string;
  started_at: string | null;
  /** The solver's own seconds at its last report (its clock, not this process's). */
  seconds: number | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  updated_at: string;
};

export type BudgetExecutionTable = {
  id: string;
  portfolio_id: string;
  investment_id: string;
  source_id: string;
  kind: string;
  amount: number;
  on_date: string;
  note: string | null;
  author_user_id: string;
  created_at: string;
};

/** Critical infrastructure (0004): marked assets and the dependency edges between them. */
export type InfrastructureAssetTable = {
  id: string;
  name: string;
  sector: string;
  subsector: string;
  type: string;
  lon: number;
  lat: number;
  county_fips: string | null;
  operator: string;
  capacity: number | null;
  capacity_unit: string;
  population_served: number;
  backup_hours: number;
  criticality: number;
  source: string;
  marking_id: string;
  version: number;
  created_at: string;
  updated_at: string;
};
export type InfrastructureEdgeTable = {
  id: string;
  supplier_id: string;
  dependent_id: string;
  type: string;
  k: number;
  created_at: string;
  updated_at: string;
};

/** Crisis management (0006): incidents, their ICS records, resources, ICS 213RR requests and assignments. */
export type IncidentTable = {
  id: string;
  number: string;
  name: string;
  category: string;
  hazard: string;
  description: string;
  status: string;
  severity: string;
  complexity: number;
  lat: number;
  lon: number;
  /** GeoJSON Polygon as text, or null. */
  area: string | null;
  jurisdictions: string;
  started_at: string;
  closed_at: string | null;
  created_by: string;
  marking_id: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export type IncidentItemTable = {
  id: string;
  incident_id: string;
  collection: string;
  number: number;
  period_id: string | null;
  body: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
};

export type ResourceTable = {
  id: string;
  name: string;
  resource_type: string;
  agency_id: string;
  status: string;
  lat: number;
  lon: number;
  home_lat: number;
  home_lon: number;
  incident_id: string | null;
  request_id: string | null;
  cost_rate: number;
  marking_id: string;
  journal_seq: number;
  version: number;
  created_at: string;
  updated_at: string;
};

export type ResourceRequestTable = {
  id: string;
  number: string;
  incident_id: string;
  quantity: number;
  resource_type: string;
  description: string;
  requested_arrival: string | null;
  estimated_arrival: string | null;
  delivery_location: string;
  delivery_lat: number;
  delivery_lon: number;
  substitutes: string;
  priority: string;
  requested_by: string;
  requested_by_position: string;
  status: string;
  supplier_agency_id: string | null;
  resource_ids: string;
  note: string | null;
  steps: string;
  marking_id: string;
  version: number;
  created_at: string;
  updated_at: string;
};

export type ResourceAssignmentTable = {
  request_id: string;
  resource_id: string;
  incident_id: string;
  assigned_at: string;
  released_at: string | null;
  rate: number;
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
  infrastructure_assets: InfrastructureAssetTable;
  infrastructure_edges: InfrastructureEdgeTable;
  budget_portfolios: BudgetPortfolioTable;
  budget_runs: BudgetRunTable;
  budget_optimize_progress: BudgetOptimizeProgressTable;
  budget_execution: BudgetExecutionTable;
  nri_counties: NriCountyTable;
  risk_records: RiskRecordTable;
  cap_alerts: CapAlertTable;
  taxii_collections: TaxiiCollectionTable;
  taxii_collection_access: TaxiiCollectionAccessTable;
  stix_objects: StixObjectTable;
  taxii_statuses: TaxiiStatusTable;
  incidents: IncidentTable;
  incident_items: IncidentItemTable;
  resources: ResourceTable;
  resource_requests: ResourceRequestTable;
  resource_assignments: ResourceAssignmentTable;
};
