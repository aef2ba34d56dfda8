export {
  type Agency,
  type AgencyCreate,
  type AgencyKind,
  type AgencyUpdate,
  agencyCreateSchema,
  agencyKindSchema,
  agencyKinds,
  agencySchema,
  agencyUpdateSchema,
  findAgencyAncestors,
  fipsCodeSchema,
} from './agency.ts';
