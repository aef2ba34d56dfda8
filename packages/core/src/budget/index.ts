export { availableAmounts, fiscalYearStart, isAfterPeriodOfPerformance } from './available-amounts.ts';
export {
  type DeletedPortfolio,
  type DeletedPortfolioList,
  decidePortfolioWrite,
  deletedPortfolioListSchema,
  deletedPortfolioSchema,
  type ExecutionSummaryView,
  executionQuerySchema,
  executionRecordSchema,
  executionSummarySchema,
  frontierRequestSchema,
  idleOptimizeProgress,
  type OptimizeProgress,
  type OptimizeRequest,
  optimizeProgressQuerySchema,
  optimizeProgressSchema,
  optimizeRequestSchema,
  type PortfolioCreate,
  type PortfolioDetail,
  type PortfolioList,
  type PortfolioRow,
  type PortfolioSummary,
  type PortfolioUpdate,
  portfolioCreateSchema,
  portfolioDeleteQuerySchema,
  portfolioDetailSchema,
  portfolioListSchema,
  portfolioRestoreQuerySchema,
  portfolioRowSchema,
  portfolioSummarySchema,
  portfolioUpdateSchema,
  whyNotRequestSchema,
} from './budget-api.ts';
export {
  type BudgetModel,
  buildBudgetModel,
  eligibleSources,
  type FundingUnit,
  investmentWeight,
  type ModelRow,
  ruleGroups,
  totalCost,
} from './build-budget-model.ts';
export {
  brokenRules,
  evaluatePlan,
  type FundingSplit,
  type Plan,
  type RuleCheck,
} from './evaluate-plan.ts';
export { explainChoice } from './explain-choice.ts';
export { describeGroup, findRuleConflicts } from './find-rule-conflicts.ts';
export { fourCandidatePortfolio } from './four-candidate-portfolio.ts';
export { generatePortfolio } from './generate-portfolio.ts';
export { type GreedyPlan, planGreedily } from './greedy-plan.ts';
export {
  conflictSchema,
  type Frontier,
  frontierSchema,
  type OptimizationResult,
  optimizationResultSchema,
  type RuleConflict,
  type SelectedInvestment,
  selectedInvestmentSchema,
  solveStatuses,
  type WhyNot,
  whyNotSchema,
} from './optimization-result.ts';
export {
  judgeGreedy,
  type OptimizeOptions,
  optimizePortfolio,
  planFromSolution,
  relaxationSearchFrom,
} from './optimize-portfolio.ts';
export {
  describeRule,
  type FundingSource,
  fundingSourceSchema,
  type GrantRule,
  grantRuleSchema,
  type Investment,
  investmentSchema,
  isShareRule,
  type Portfolio,
  type PortfolioInput,
  parsePortfolio,
  portfolioLimits,
  portfolioSchema,
  type ShareRule,
  type SpendRule,
} from './portfolio.ts';
export { type RelaxationSearchOptions, solveAroundRelaxation } from './solve-around-relaxation.ts';
export {
  loadHighs,
  type SolveOptions,
  type SolveProgress,
  type SolveResult,
  type SolveStatus,
  solveBudgetModel,
} from './solve-budget-model.ts';
export { defaultFrontierScales, traceFrontier } from './trace-frontier.ts';
export {
  type ExecutionEntry,
  type ExecutionKind,
  type ExecutionLine,
  type ExecutionSummary,
  executionEntrySchema,
  executionKinds,
  summarizeExecution,
} from './track-execution.ts';
export { writeLpModel } from './write-lp-model.ts';
