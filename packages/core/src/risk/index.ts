export {
  type ClimateScenarioInput,
  climateScenarioInputSchema,
  type FrequencyMultipliers,
  findPresetScenario,
  frequencyMultipliersSchema,
  multiplierOf,
  presetClimateScenarios,
} from './climate-scenario.ts';
export {
  type CountyRisk,
  compareScenario,
  computeCountyRisk,
  computeRiskTable,
  type EalBreakdown,
  type HazardRisk,
  type RiskOptions,
  type ScenarioChange,
} from './compute-risk.ts';
export {
  type CoreCapability,
  capabilitiesOf,
  coreCapabilities,
  coreCapabilityAreas,
  coreCapabilitySchema,
  type MissionArea,
  missionAreas,
  missionAreasOf,
} from './core-capabilities.ts';
export {
  type RiskCountyDetail,
  type RiskCountyList,
  type RiskCountyQuery,
  type RiskCountySummary,
  type RiskHazardDetail,
  riskCountyDetailSchema,
  riskCountyListSchema,
  riskCountyQuerySchema,
  riskCountySummarySchema,
  riskHazardDetailSchema,
} from './county-view.ts';
export {
  type AvoidedLoss,
  estimateAvoidedLoss,
  type MitigationAction,
  mitigationActionSchema,
} from './estimate-avoided-loss.ts';
export { type CsvCell, formatCsv, neutralizeFormula } from './format-csv.ts';
export type {
  ByConsequence,
  HazardBaseline,
  NriCounty,
  NriTable,
  PublishedCounty,
  PublishedHazard,
} from './nri-county.ts';
export { formatNriResultsCsv } from './nri-export.ts';
export {
  type ConsequenceType,
  consequenceSuffix,
  consequenceTypeSchema,
  consequenceTypes,
  defaultNriRelease,
  findNriRelease,
  type HazardCode,
  hazardCodeSchema,
  hazardCodes,
  hazardNames,
  isHazardCode,
  type NriRelease,
  nriReleases,
} from './nri-hazards.ts';
export { type CsvLimits, type CsvTable, defaultCsvLimits, parseCsv } from './parse-csv.ts';
export { readNriTable } from './read-nri-table.ts';
export {
  decideRiskRecordUpdate,
  type RiskRecord,
  type RiskRecordData,
  type RiskRecordKind,
  type RiskRecordList,
  type RiskRecordListQuery,
  riskRecordCreateSchema,
  riskRecordKindList,
  riskRecordKinds,
  riskRecordListQuerySchema,
  riskRecordListSchema,
  riskRecordSchema,
  riskRecordUpdateSchema,
  titleOfRiskRecord,
} from './risk-record.ts';
export {
  type CapabilityGap,
  type CapabilityTarget,
  capabilityTargetSchema,
  composeTargetStatement,
  type PoeteArea,
  poeteAreas,
  type Quantity,
  type SprAssessment,
  sprAssessmentSchema,
  summarizeCapabilityGaps,
  type TaskGap,
  type ThiraScenario,
  thiraScenarioSchema,
  timeframeUnits,
} from './thira.ts';
export { scoreThreatRisk, type ThreatEntry, threatEntrySchema } from './threat-register.ts';
