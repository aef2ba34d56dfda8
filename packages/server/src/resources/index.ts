export { markedDraft } from './marked-draft.ts';
export { actOnRequest, createRequest, listRequests, readRequest } from './requests.actions.ts';
export { toRequestView, toResourceView } from './resource-view.ts';
export {
  createResource,
  findNearestResources,
  listResources,
  readResource,
  readResourcesByIds,
  updateResource,
} from './resources.actions.ts';
export { registerResourceRoutes } from './resources.routes.ts';
