import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** The demo portfolio that `finance@vigil.example` owns (seeded by `vigil seed --demo`). */
export const demoPortfolioName = 'Virginia FY2026–2029 preparedness and mitigation portfolio (demo)';

export async function openDemoPortfolio(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/budget`);
  await page.getByRole('link', { name: demoPortfolioName }).click();
  await page.getByRole('heading', { level: 1, name: demoPortfolioName }).waitFor();
}

/**
 * `$18.19M` or `$800,000` as the page prints them, back to dollars: the first amount in
 * `text`, or the one right after `label` (`best plan $2,375.77M`).
 */
export function dollarsShown(text: string, label?: string): number {
  const before = label ? `${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ` : '';
  const match = new RegExp(`${before}\\$([\\d,.]+)(M?)`).exec(text);
  assert.ok(match, `no amount${label ? ` after "${label}"` : ''} in ${text}`);
  const value = Number((match[1] as string).replace(/,/g, ''));
  return match[2] ? value * 1e6 : value;
}
