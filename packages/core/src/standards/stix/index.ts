export {
  checkStixBundle,
  checkStixObject,
  type StixBundleVerdict,
  type StixObject,
  type StixObjectVerdict,
  stixTypes,
} from './check-stix-bundle.ts';
export { agencyToStixIdentity, buildStixBundle, uuidV5, vigilStixNamespace } from './export-stix.ts';
export { type JsonValue, readJson } from './read-json.ts';
export { checkStixSemantics } from './stix-semantics.ts';
export {
  tlp1MarkingIds,
  tlp2ExtensionId,
  tlp2MarkingDefinition,
  tlp2MarkingIds,
  tlpOfMarkingId,
  tlpOfObject,
} from './tlp-markings.ts';
