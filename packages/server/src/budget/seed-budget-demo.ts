import { readFileSync } from 'node:fs';
import { parsePortfolio, readNriTable, type Viewer } from '@vigil/core';
import type { AppDeps } from '../platform/deps.ts';
import { createPortfolio, recordExecution } from './budget.actions.ts';
import { buildDemoPortfolio } from './demo-portfolio.ts';

const virginiaNri = new URL('../../../../data/nri-virginia/NRI_Table_Counties_Virginia.csv', import.meta.url);

const day = 86_400_000;

/**
 * The budget part of the Virginia demo: the finance officer's FY2026–2029 portfolio
 * (TLP:AMBER, shared with VDEM's planners) and a few execution entries dated relative to
 * the seeding day, one of them burning too slowly to spend its EMPG award in time.
 */
export async function seedBudgetDemo(
  deps: AppDeps,
  viewers: Map<string, Viewer>,
  agencies: Record<string, string>,
): Promise<string> {
  const finance = viewers.get('finance@vigil.example') as Viewer;
  const nri = readNriTable(readFileSync(virginiaNri, 'utf8'));
  const portfolio = parsePortfolio(buildDemoPortfolio(nri));
  const created = await createPortfolio(deps, finance, {
    portfolio,
    marking: { tlp: 'AMBER', shareWith: [agencies.vdem as string] },
  });
  const now = deps.now().getTime();
  const ago = (days: number) => new Date(now - days * day).toISOString().slice(0, 10);
  const entries = [
    { investment_id: 'hospital-generators', source_id: 'UASI', kind: 'award', amount: 800_000, on: ago(240) },
    {
      investment_id: 'hospital-generators',
      source_id: 'UASI',
      kind: 'obligation',
      amount: 760_000,
      on: ago(200),
    },
    {
      investment_id: 'hospital-generators',
      source_id: 'UASI',
      kind: 'expenditure',
      amount: 410_000,
      on: ago(30),
    },
    {
      investment_id: 'fusion-center-analysts',
      source_id: 'SHSP',
      kind: 'award',
      amount: 480_000,
      on: ago(240),
    },
    {
      investment_id: 'fusion-center-analysts',
      source_id: 'SHSP',
      kind: 'obligation',
      amount: 480_000,
      on: ago(235),
    },
    {
      investment_id: 'fusion-center-analysts',
      source_id: 'SHSP',
      kind: 'expenditure',
      amount: 300_000,
      on: ago(10),
    },
    { investment_id: 'eoc-backup-power', source_id: 'EMPG', kind: 'award', amount: 1_100_000, on: ago(300) },
    {
      investment_id: 'eoc-backup-power',
      source_id: 'EMPG',
      kind: 'obligation',
      amount: 150_000,
      on: ago(120),
    },
    {
      investment_id: 'eoc-backup-power',
      source_id: 'EMPG',
      kind: 'expenditure',
      amount: 40_000,
      on: ago(60),
    },
  ] as const;
  for (const entry of entries) {
    await recordExecution(deps, finance, created.id, { ...entry, note: 'demo data' });
  }
  return created.id;
}
