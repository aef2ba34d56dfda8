export {
  addIncidentItem,
  createIncident,
  listIncidentItems,
  listIncidents,
  loadIncidentForWork,
  readIncident,
  transitionIncident,
  updateIncident,
  updateIncidentItem,
} from './incident.actions.ts';
export { registerIncidentRoutes } from './incident.routes.ts';
export { loadIncidentFile } from './incident-file.ts';
export { renderFormPdf } from './render-form-pdf.ts';
export { readDemoStations, seedIncidentDemo } from './seed-incident-demo.ts';
