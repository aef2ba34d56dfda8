export {
  createBulletin,
  listBulletins,
  readBulletin,
  retractBulletin,
  updateBulletin,
} from './bulletins.actions.ts';
export { registerBulletinRoutes } from './bulletins.routes.ts';
