import type { ReactElement } from 'react';
import { BudgetPage } from './BudgetPage.tsx';
import { PortfolioPage } from './PortfolioPage.tsx';

/** The budget module's pages by path; null when the path is not the module's. */
export function budgetRoute(pathname: string): ReactElement | null {
  if (pathname === '/budget') return <BudgetPage />;
  const portfolio = /^\/budget\/portfolios\/([^/]+)$/.exec(pathname);
  if (portfolio?.[1]) return <PortfolioPage id={decodeURIComponent(portfolio[1])} />;
  return null;
}
