import { estimateAvoidedLoss, type MitigationAction, type NriTable, type PortfolioInput } from '@vigil/core';

type DemoInvestment = Omit<PortfolioInput['investments'][number], 'benefit'> & {
  /** Risk reduction from the risk module's contract: avoided EAL per year, over `life` years. */
  mitigation?: MitigationAction & { life: number };
};

/** FEMA benefit-cost analysis discounts at 7 % (OMB Circular A-94): present value of an annual benefit. */
const discountRate = 0.07;
function presentValue(perYear: number, years: number): number {
  return (perYear * (1 - (1 + discountRate) ** -years)) / discountRate;
}

const hamptonRoads = ['51710', '51810', '51550', '51740', '51650', '51700'];
const shsp = ['SHSP', 'UASI', 'STATE'];

/**
 * [Demo data] The Virginia office's FY2026–2029 candidate investments (DEMO.md): Hampton
 * Roads substation flood walls, hospital generators, a regional logistics staging area …
 * Costs are plausible, invented figures. Mitigation benefits are computed, not typed: the
 * avoided expected annual loss of each action from FEMA's NRI table (the risk module's
 * `estimateAvoidedLoss`), as a present value over the asset's life. Preparedness items
 * are valued by the SPR capability-gap points they close.
 */
const investments: DemoInvestment[] = [
  {
    id: 'substation-floodwalls-norfolk',
    name: 'Flood walls at three Norfolk substations (demo)',
    cost_by_year: [2_600_000, 3_900_000, 0, 0],
    eligible_sources: ['BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Long-term Vulnerability Reduction', 'Infrastructure Systems'],
    category: 'mitigation',
    county: '51710',
    hazard: 'CFLD',
    mitigation: { hazard: 'CFLD', counties: ['51710'], reduces: 'loss-ratio', fraction: 0.08, life: 50 },
  },
  {
    id: 'substation-floodwalls-vabeach',
    name: 'Flood walls at two Virginia Beach substations (demo)',
    cost_by_year: [0, 2_100_000, 2_700_000, 0],
    eligible_sources: ['BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Long-term Vulnerability Reduction', 'Infrastructure Systems'],
    category: 'mitigation',
    county: '51810',
    hazard: 'CFLD',
    mitigation: { hazard: 'CFLD', counties: ['51810'], reduces: 'loss-ratio', fraction: 0.05, life: 50 },
  },
  {
    id: 'substation-floodwall-chesapeake',
    name: 'Flood wall at the Chesapeake substation (demo)',
    cost_by_year: [0, 0, 1_500_000, 1_700_000],
    eligible_sources: ['BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Long-term Vulnerability Reduction'],
    category: 'mitigation',
    county: '51550',
    hazard: 'CFLD',
    excludes: ['substation-elevation-chesapeake'],
    mitigation: { hazard: 'CFLD', counties: ['51550'], reduces: 'loss-ratio', fraction: 0.06, life: 50 },
  },
  {
    id: 'substation-elevation-chesapeake',
    name: 'Elevate the Chesapeake substation instead (demo)',
    cost_by_year: [0, 0, 3_800_000, 4_100_000],
    eligible_sources: ['BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Long-term Vulnerability Reduction'],
    category: 'mitigation',
    county: '51550',
    hazard: 'CFLD',
    excludes: ['substation-floodwall-chesapeake'],
    mitigation: { hazard: 'CFLD', counties: ['51550'], reduces: 'exposure', fraction: 0.09, life: 60 },
  },
  {
    id: 'eastern-shore-buyouts',
    name: 'Buy-outs of repetitively flooded homes, Accomack and Northampton (demo)',
    cost_by_year: [1_200_000, 1_800_000, 1_800_000, 0],
    eligible_sources: ['BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Long-term Vulnerability Reduction', 'Community Resilience'],
    category: 'mitigation',
    county: '51001',
    hazard: 'CFLD',
    mitigation: {
      hazard: 'CFLD',
      counties: ['51001', '51131'],
      reduces: 'exposure',
      fraction: 0.04,
      life: 100,
    },
  },
  {
    id: 'richmond-stormwater',
    name: 'Shockoe Bottom stormwater storage, Richmond (demo)',
    cost_by_year: [0, 1_400_000, 1_500_000, 1_300_000],
    eligible_sources: ['BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Long-term Vulnerability Reduction'],
    category: 'mitigation',
    county: '51760',
    hazard: 'RFLD',
    mitigation: { hazard: 'RFLD', counties: ['51760'], reduces: 'loss-ratio', fraction: 0.1, life: 40 },
  },
  {
    id: 'hospital-generators',
    name: 'Generators with 72 h of fuel for six Hampton Roads hospitals (demo)',
    cost_by_year: [1_800_000, 1_800_000, 0, 0],
    eligible_sources: shsp,
    mission_area: 'Response',
    core_capabilities: [
      'Public Health, Healthcare, and Emergency Medical Services',
      'Infrastructure Systems',
    ],
    category: 'equipment',
    county: '51710',
    hazard: 'HRCN',
    must_fund: true,
    mitigation: {
      hazard: 'HRCN',
      counties: hamptonRoads,
      reduces: 'loss-ratio',
      fraction: 0.01,
      consequences: ['population'],
      life: 20,
    },
  },
  {
    id: 'generator-fuel-contracts',
    name: 'Priority fuel contracts for the hospital generators (demo)',
    cost_by_year: [0, 150_000, 150_000, 150_000],
    eligible_sources: shsp,
    mission_area: 'Response',
    core_capabilities: ['Logistics and Supply Chain Management'],
    category: 'equipment',
    requires: ['hospital-generators'],
    gap_points: 6,
  },
  {
    id: 'logistics-staging-area',
    name: 'Regional logistics staging area, Suffolk (demo)',
    cost_by_year: [0, 1_300_000, 1_500_000, 0],
    eligible_sources: ['SHSP', 'UASI', 'EMPG', 'STATE'],
    mission_area: 'Response',
    core_capabilities: ['Logistics and Supply Chain Management', 'Mass Care Services'],
    category: 'equipment',
    county: '51800',
    gap_points: 30,
  },
  {
    id: 'fusion-center-analysts',
    name: 'Two fusion centre analysts, Virginia Fusion Center (demo)',
    cost_by_year: [480_000, 480_000, 480_000, 480_000],
    eligible_sources: ['SHSP', 'UASI'],
    mission_area: 'Prevention',
    core_capabilities: ['Intelligence and Information Sharing'],
    category: 'letpa',
    gap_points: 14,
  },
  {
    id: 'bomb-squad-robots',
    name: 'Two bomb squad robots, Virginia State Police (demo)',
    cost_by_year: [0, 900_000, 0, 0],
    eligible_sources: ['SHSP', 'UASI'],
    mission_area: 'Prevention',
    core_capabilities: ['Interdiction and Disruption', 'Screening, Search, and Detection'],
    category: 'letpa',
    gap_points: 5,
  },
  {
    id: 'port-security-cameras',
    name: 'Port of Virginia perimeter cameras and analytics (demo)',
    cost_by_year: [0, 700_000, 800_000, 0],
    eligible_sources: ['SHSP', 'UASI'],
    mission_area: 'Protection',
    core_capabilities: ['Physical Protective Measures', 'Screening, Search, and Detection'],
    category: 'letpa',
    county: '51710',
    gap_points: 5,
  },
  {
    id: 'water-utility-cyber',
    name: 'OT network monitoring at the regional water utility (demo)',
    cost_by_year: [350_000, 250_000, 250_000, 0],
    eligible_sources: ['SHSP', 'UASI', 'STATE'],
    mission_area: 'Protection',
    core_capabilities: ['Cybersecurity'],
    category: 'cyber',
    gap_points: 10,
  },
  {
    id: 'shelter-kits',
    name: 'Shelter kits for 5,000 people (demo)',
    cost_by_year: [700_000, 700_000, 0, 0],
    eligible_sources: ['SHSP', 'EMPG'],
    mission_area: 'Response',
    core_capabilities: ['Mass Care Services'],
    category: 'equipment',
    gap_points: 16,
  },
  {
    id: 'eoc-backup-power',
    name: 'Backup power and HVAC for the state EOC (demo)',
    cost_by_year: [1_100_000, 0, 0, 0],
    eligible_sources: ['EMPG', 'STATE'],
    mission_area: 'Response',
    core_capabilities: ['Operational Coordination'],
    category: 'equipment',
    gap_points: 6,
  },
  {
    id: 'eastern-shore-radios',
    name: 'Interoperable radios for the Eastern Shore (demo)',
    cost_by_year: [0, 1_100_000, 1_100_000, 0],
    eligible_sources: ['SHSP', 'EMPG'],
    mission_area: 'Response',
    core_capabilities: ['Operational Communications'],
    category: 'equipment',
    county: '51001',
    gap_points: 9,
  },
  {
    id: 'hazard-mitigation-plan',
    name: 'State hazard mitigation plan update (demo)',
    cost_by_year: [225_000, 225_000, 0, 0],
    eligible_sources: ['EMPG', 'BRIC', 'STATE'],
    mission_area: 'Mitigation',
    core_capabilities: ['Planning', 'Risk and Disaster Resilience Assessment'],
    category: 'planning',
    gap_points: 5,
  },
  {
    id: 'grants-management',
    name: 'Grants management staff (M&A) (demo)',
    cost_by_year: [160_000, 160_000, 160_000, 160_000],
    eligible_sources: ['SHSP', 'UASI'],
    mission_area: 'Prevention',
    core_capabilities: ['Planning'],
    category: 'm-and-a',
    gap_points: 3,
  },
];

/** Builds the demo portfolio, valuing each mitigation action with the risk module's contract. */
export function buildDemoPortfolio(nri: NriTable): PortfolioInput {
  return {
    name: 'Virginia FY2026–2029 preparedness and mitigation portfolio (demo)',
    years: 4,
    first_fiscal_year: 2026,
    discount_rate: discountRate,
    // What the office pays per SPR gap point closed, set so preparedness competes with mitigation.
    gap_point_value: 120_000,
    sources: [
      {
        id: 'SHSP',
        name: 'State Homeland Security Program (new projects)',
        amount_by_year: [1_900_000, 1_900_000, 1_900_000, 1_900_000],
        period_of_performance_end: '2029-08-31',
        eligible_categories: ['letpa', 'equipment', 'cyber', 'planning', 'training', 'm-and-a'],
      },
      {
        id: 'UASI',
        name: 'Urban Area Security Initiative (Hampton Roads share)',
        amount_by_year: [800_000, 800_000, 800_000, 800_000],
        period_of_performance_end: '2029-08-31',
        eligible_categories: ['letpa', 'equipment', 'cyber', 'planning', 'training', 'm-and-a'],
      },
      {
        id: 'EMPG',
        name: 'Emergency Management Performance Grant',
        amount_by_year: [1_200_000, 900_000, 900_000, 900_000],
        // The current award ends with FY2027: the FY2028–29 allocations the office expects are listed, and
        // the page strikes them through (the optimizer counts no money past the period of performance).
        period_of_performance_end: '2027-09-30',
        eligible_categories: ['equipment', 'planning', 'training', 'm-and-a'],
      },
      {
        id: 'BRIC',
        name: 'Building Resilient Infrastructure and Communities',
        amount_by_year: [2_500_000, 3_500_000, 3_500_000, 2_500_000],
        max_cost_share: 0.75,
        period_of_performance_end: '2031-09-30',
        eligible_categories: ['mitigation', 'planning'],
      },
      {
        id: 'STATE',
        name: 'State general fund (match and gaps)',
        amount_by_year: [1_500_000, 1_500_000, 1_500_000, 1_500_000],
        period_of_performance_end: '2030-06-30',
      },
    ],
    investments: investments.map(({ mitigation, ...inv }) => {
      if (!mitigation) return inv;
      const { life, ...action } = mitigation;
      const perYear = estimateAvoidedLoss(nri, action).avoidedEalPerYear;
      return { ...inv, benefit: Math.round(presentValue(perYear, life)) };
    }),
    rules: [
      {
        kind: 'min_share',
        sources: ['SHSP', 'UASI'],
        category: 'letpa',
        share: 0.35,
        label: 'LETPA ≥ 35 % of SHSP+UASI',
      },
      { kind: 'max_share', sources: ['SHSP'], category: 'm-and-a', share: 0.05, label: 'M&A ≤ 5 % of SHSP' },
      { kind: 'max_share', sources: ['UASI'], category: 'm-and-a', share: 0.05, label: 'M&A ≤ 5 % of UASI' },
      {
        kind: 'min_spend',
        mission_area: 'Mitigation',
        amount: 8_000_000,
        label: 'Mitigation ≥ $8M (state strategy)',
      },
      { kind: 'max_spend', county: '51710', amount: 12_000_000, label: 'Norfolk ≤ $12M (spread the money)' },
    ],
  };
}
