export { addUser, changeUser, issueApiToken } from './users.actions.ts';
export { registerUserRoutes } from './users.routes.ts';
export { findUser, listUsers } from './users.store.ts';
