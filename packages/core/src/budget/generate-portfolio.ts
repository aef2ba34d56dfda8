import type { GrantRule, Portfolio } from './portfolio.ts';

/** mulberry32: a small seeded generator, so a benchmark instance is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const missionAreas = ['Prevention', 'Protection', 'Mitigation', 'Response', 'Recovery'] as const;
/** Grant programs and the activity categories they pay for (simplified HSGP/EMPG/BRIC eligibility). */
const sourcePrograms = [
  { id: 'SHSP', categories: ['letpa', 'planning', 'equipment', 'training', 'cyber', 'm-and-a'] },
  { id: 'UASI', categories: ['letpa', 'planning', 'equipment', 'training', 'cyber', 'm-and-a'] },
  { id: 'OPSG', categories: ['letpa', 'equipment'] },
  { id: 'EMPG', categories: ['planning', 'training', 'equipment', 'm-and-a'] },
  { id: 'BRIC', categories: ['mitigation', 'planning'] },
  {
    id: 'STATE',
    categories: ['letpa', 'planning', 'equipment', 'training', 'cyber', 'mitigation', 'm-and-a'],
  },
] as const;
const categories = ['letpa', 'planning', 'equipment', 'training', 'cyber', 'mitigation', 'm-and-a'] as const;

/**
 * A synthetic portfolio shaped like a state's homeland security grant portfolio: 4 years,
 * 6 sources (SHSP, UASI, OPSG, EMPG, BRIC, state general fund) with their eligible
 * categories and BRIC's 75 % federal cost share, costs of $50k–$5M spread over 1–3
 * years, benefits correlated with cost, 1 % must-fund items, prerequisites and exclusive
 * alternatives, and ≥ 50 grant rules: the 35 % LETPA floor and 5 % M&A ceilings of
 * SHSP+UASI, category ceilings, per mission area and per county spend bounds. The money
 * covers about 40 % of the asks, so the rules bind.
 */
export function generatePortfolio(
  seed: number,
  count: number,
  options: { counties?: number } = {},
): Portfolio {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const years = 4;
  const countyCount = options.counties ?? 20;
  const counties = Array.from({ length: countyCount }, (_, c) => `51${String(c * 2 + 1).padStart(3, '0')}`);
  const investments: Portfolio['investments'] = [];
  let asked = 0;
  for (let i = 0; i < count; i++) {
    const category = pick(categories);
    const payers = sourcePrograms.filter((p) => (p.categories as readonly string[]).includes(category));
    const eligible = payers.filter(() => random() < 0.6).map((p) => p.id);
    if (eligible.length === 0) eligible.push(pick(payers).id);
    // BRIC pays at most 75 %: its projects always have the state's match to draw on.
    if (eligible.includes('BRIC') && !eligible.includes('STATE')) eligible.push('STATE');
    const total = Math.round(50_000 + random() ** 2 * 4_950_000);
    const start = Math.floor(random() * years);
    const span = Math.min(years - start, 1 + Math.floor(random() * 3));
    const cost_by_year = Array.from({ length: years }, (_, y) =>
      y >= start && y < start + span ? Math.round(total / span) : 0,
    );
    asked += cost_by_year.reduce((a, b) => a + b, 0);
    // Benefit-cost ratios spread as in FEMA benefit-cost analyses: lognormal, median ≈ 1.3.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    const ratio = Math.exp(0.25 + 0.8 * normal);
    const inv: Portfolio['investments'][number] = {
      id: `inv-${i}`,
      cost_by_year,
      eligible_sources: eligible,
      benefit: Math.round(total * ratio),
      mission_area:
        category === 'mitigation' ? 'Mitigation' : category === 'letpa' ? 'Prevention' : pick(missionAreas),
      category,
      county: pick(counties),
    };
    if (random() < 0.01) inv.must_fund = true;
    if (i > 10 && random() < 0.03) inv.requires = [`inv-${Math.floor(random() * i)}`];
    if (i > 10 && random() < 0.03) inv.excludes = [`inv-${i - 1 - Math.floor(random() * 10)}`];
    investments.push(inv);
  }
  const perYear = (asked * 0.4) / years;
  const weights = [0.28, 0.22, 0.06, 0.14, 0.12, 0.18];
  const sources: Portfolio['sources'] = sourcePrograms.map((p, s) => ({
    id: p.id,
    amount_by_year: Array.from({ length: years }, () =>
      Math.round(perYear * (weights[s] ?? 0) * (0.9 + random() * 0.2)),
    ),
    eligible_categories: [...p.categories],
    ...(p.id === 'BRIC' ? { max_cost_share: 0.75 } : {}),
  }));
  const budget = perYear * years;
  const rules: GrantRule[] = [
    {
      kind: 'min_share',
      sources: ['SHSP', 'UASI'],
      category: 'letpa',
      share: 0.35,
      label: 'LETPA ≥ 35 % of SHSP+UASI',
    },
    { kind: 'max_share', sources: ['SHSP'], category: 'm-and-a', share: 0.05, label: 'M&A ≤ 5 % of SHSP' },
    { kind: 'max_share', sources: ['UASI'], category: 'm-and-a', share: 0.05, label: 'M&A ≤ 5 % of UASI' },
    { kind: 'max_share', sources: ['EMPG'], category: 'm-and-a', share: 0.05, label: 'M&A ≤ 5 % of EMPG' },
  ];
  for (const source of ['SHSP', 'UASI', 'STATE'])
    for (const category of ['equipment', 'cyber', 'training', 'planning'])
      rules.push({ kind: 'max_share', sources: [source], category, share: 0.3 + random() * 0.2 });
  rules.push({ kind: 'min_share', sources: ['SHSP', 'UASI', 'STATE'], category: 'cyber', share: 0.05 });
  for (const area of missionAreas) {
    rules.push({ kind: 'min_spend', mission_area: area, amount: Math.round(budget * 0.04) });
    rules.push({ kind: 'max_spend', mission_area: area, amount: Math.round(budget * 0.45) });
  }
  for (const county of counties) {
    rules.push({ kind: 'max_spend', county, amount: Math.round((budget / countyCount) * 1.6) });
    if (random() < 0.5)
      rules.push({ kind: 'min_spend', county, amount: Math.round((budget / countyCount) * 0.3) });
  }
  return {
    name: `synthetic portfolio (seed ${seed}, ${count} investments)`,
    years,
    sources,
    investments,
    rules,
  };
}
