export {
  createPortfolio,
  executionOf,
  explainInvestment,
  frontierOf,
  latestResult,
  listPortfolios,
  readPortfolio,
  recordExecution,
  runOptimizer,
} from './budget.actions.ts';
export { registerBudgetRoutes } from './budget.routes.ts';
export { deletePortfolio, updatePortfolio } from './portfolio-edit.actions.ts';
export { seedBudgetDemo } from './seed-budget-demo.ts';
