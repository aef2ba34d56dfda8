export { addAgency, changeAgency } from './agencies.actions.ts';
export { registerAgencyRoutes } from './agencies.routes.ts';
export { findAgency, findAgencyByName, listAgencies } from './agencies.store.ts';
