export {
  type Bulletin,
  type BulletinCreate,
  type BulletinList,
  type BulletinListQuery,
  type BulletinRetract,
  type BulletinStatus,
  type BulletinUpdate,
  bulletinCreateSchema,
  bulletinListQuerySchema,
  bulletinListSchema,
  bulletinRetractSchema,
  bulletinSchema,
  bulletinStatuses,
  bulletinUpdateSchema,
  type MarkingView,
  markingViewSchema,
} from './bulletin.ts';
export { type BulletinState, decideBulletinRetract, decideBulletinUpdate } from './decide-bulletin.ts';
