export { canSee, missingCaveatMask } from './can-see.ts';
export {
  buildMarking,
  type Caveat,
  caveatAttribute,
  caveatBit,
  caveatMask,
  caveatSchema,
  caveats,
  caveatsFromMask,
  isLowering,
  isSensitive,
  type Marking,
  type MarkingInput,
  markingInputSchema,
  markingSchema,
  sameMarking,
  sensitiveCaveats,
  toMarkingInput,
} from './marking.ts';
export {
  hasPermission,
  type Permission,
  permissions,
  type Role,
  rolePermissions,
  roleSchema,
  roles,
  type UserAttribute,
  userAttributeSchema,
  userAttributes,
} from './permissions.ts';
export {
  formatTlp,
  isTlpLabel,
  mostRestrictiveTlp,
  type TlpLabel,
  tlpColours,
  tlpLabelSchema,
  tlpLabels,
  tlpRank,
} from './tlp.ts';
export type { Viewer } from './viewer.ts';
