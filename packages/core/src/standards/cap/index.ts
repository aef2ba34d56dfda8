export {
  type CapAlert,
  type CapArea,
  type CapInfo,
  type CapResource,
  type CapValuePair,
  type CapVersion,
  capCategories,
  capCertainties,
  capMsgTypes,
  capNamespaces,
  capResponseTypes,
  capScopes,
  capSeverities,
  capStatuses,
  capUrgencies,
} from './cap-alert.ts';
export { type CapFindings, type CapRuleOptions, checkCapRules, splitCapList } from './cap-rules.ts';
export {
  type CapCheckOptions,
  type CapVerdict,
  checkCapDocument,
  checkCapElement,
  findCapAlerts,
} from './check-cap-document.ts';
export { emitCapAlert } from './emit-cap-alert.ts';
export { capVersionOf, parseCapAlert } from './parse-cap-alert.ts';
