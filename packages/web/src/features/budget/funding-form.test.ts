import { fundingSourceSchema } from '@vigil/core/budget';
import { describe, expect, it } from 'vitest';
import { isFieldUnder } from './FieldErrors.tsx';
import {
  categoriesOf,
  draftOfRule,
  draftOfSource,
  newSourceDraft,
  percentText,
  ruleOfDraft,
  ruleProblems,
  shareOf,
  sourceChoices,
  sourceOfDraft,
  yearLabel,
} from './funding-form.ts';

describe('percent boxes', () => {
  it('show a share as the percent typed, without floating-point tails, and read it back', () => {
    expect(percentText(0.35)).toBe('35');
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.125)).toBe('12.5');
    expect(percentText(undefined)).toBe('');
    expect(shareOf('35')).toBe(0.35);
    expect(shareOf('12.5')).toBe(0.125);
  });

  it('leave an empty or non-numeric box not-a-number, for the server to name', () => {
    expect(shareOf('')).toBeNaN();
    expect(shareOf('  ')).toBeNaN();
    expect(shareOf('abc')).toBeNaN();
  });
});

describe('funding source drafts', () => {
  const bric = {
    id: 'BRIC',
    name: 'Building Resilient Infrastructure and Communities',
    amount_by_year: [2_500_000, 3_500_000],
    max_cost_share: 0.75,
    period_of_performance_end: '2031-09-30',
    eligible_categories: ['mitigation', 'planning'],
  };

  it('come back unchanged when nothing was edited', () => {
    expect(sourceOfDraft(draftOfSource(bric))).toEqual(bric);
  });

  it('leave out an emptied ceiling, category list and end date rather than sending them blank', () => {
    const draft = { ...draftOfSource(bric), costSharePercent: '', categories: ' , ', periodEnd: '' };
    expect(sourceOfDraft(draft)).toEqual({
      id: 'BRIC',
      name: bric.name,
      amount_by_year: bric.amount_by_year,
    });
    expect(categoriesOf('letpa,  equipment cyber')).toEqual(['letpa', 'equipment', 'cyber']);
  });

  it('start a new source with an ID to type and empty yearly amounts, sent for the server to name', () => {
    const draft = newSourceDraft('1', 2);
    expect(draft).toMatchObject({ isNew: true, key: 'new-1' });
    expect(draftOfSource(bric)).toMatchObject({ isNew: false, key: 'old-BRIC' });
    const typed = { ...draft, source: { ...draft.source, id: 'HMGP' }, categories: 'mitigation' };
    const sent = sourceOfDraft(typed);
    expect(sent).toMatchObject({ id: 'HMGP', eligible_categories: ['mitigation'] });
    expect(sent.amount_by_year).toHaveLength(2);
    expect(sent.amount_by_year.every(Number.isNaN)).toBe(true);
    expect(JSON.parse(JSON.stringify(sent)).amount_by_year).toEqual([null, null]);
  });

  it('send a new source with the name typed, one the contract takes, and no name when the box is left empty', () => {
    const draft = newSourceDraft('1', 1);
    expect(draft.name).toBe('');
    const named = {
      ...draft,
      name: 'Hazard Mitigation Grant Program',
      source: { ...draft.source, id: 'HMGP', amount_by_year: [1_000_000] },
    };
    const sent = sourceOfDraft(named);
    expect(sent).toEqual({
      id: 'HMGP',
      name: 'Hazard Mitigation Grant Program',
      amount_by_year: [1_000_000],
    });
    expect(fundingSourceSchema.parse(sent)).toEqual(sent);
    // The contract refuses a blank name, so an empty (or spaces-only) box sends none.
    expect(fundingSourceSchema.safeParse({ ...sent, name: '  ' }).success).toBe(false);
    expect(sourceOfDraft({ ...named, name: '  ' })).not.toHaveProperty('name');
  });

  it("let an existing source's name change or go (only a label), its ID kept", () => {
    const draft = draftOfSource(bric);
    expect(draft.name).toBe(bric.name);
    expect(sourceOfDraft({ ...draft, name: 'BRIC (FEMA)' })).toEqual({ ...bric, name: 'BRIC (FEMA)' });
    const { name: _name, ...unnamed } = bric;
    expect(sourceOfDraft({ ...draft, name: '' })).toEqual(unnamed);
  });

  it('offer a rule the sources of the form, new ones as typed, and a removed one it still names', () => {
    const shsp = draftOfSource({ id: 'SHSP', amount_by_year: [1] });
    const hmgp = { ...newSourceDraft('1', 1), source: { id: ' HMGP ', amount_by_year: [1] } };
    const blank = newSourceDraft('2', 1);
    expect(sourceChoices([shsp, hmgp, blank], ['EMPG', 'SHSP'])).toEqual(['SHSP', 'HMGP', 'EMPG']);
  });
});

describe('refused fields by position', () => {
  it('belong to the row they name, not to one whose position starts the same', () => {
    expect(isFieldUnder('portfolio.sources[1]', 'portfolio.sources[1]')).toBe(true);
    expect(isFieldUnder('portfolio.sources[1].id', 'portfolio.sources[1]')).toBe(true);
    expect(isFieldUnder('portfolio.sources[1].amount_by_year[2]', 'portfolio.sources[1]')).toBe(true);
    expect(isFieldUnder('portfolio.sources[10].id', 'portfolio.sources[1]')).toBe(false);
    expect(isFieldUnder('portfolio.investments[1].eligible_sources[0]', 'portfolio.sources[1]')).toBe(false);
  });
});

describe('rule drafts', () => {
  it('keep a share rule and a spend rule as they were', () => {
    const share = {
      kind: 'min_share' as const,
      sources: ['SHSP', 'UASI'],
      category: 'letpa',
      share: 0.35,
      label: 'LETPA ≥ 35 % of SHSP+UASI',
    };
    const spend = { kind: 'max_spend' as const, county: '51710', amount: 12_000_000 };
    expect(ruleOfDraft(draftOfRule(share, 'a'))).toEqual(share);
    expect(ruleOfDraft(draftOfRule(spend, 'b'))).toEqual(spend);
  });

  it('send only the fields of the chosen kind after a switch', () => {
    const draft = draftOfRule({ kind: 'min_share', sources: ['SHSP'], category: 'letpa', share: 0.3 }, 'a');
    const switched = { ...draft, kind: 'min_spend' as const, amount: '8000000', missionArea: 'Mitigation' };
    expect(ruleOfDraft(switched)).toEqual({
      kind: 'min_spend',
      mission_area: 'Mitigation',
      amount: 8_000_000,
    });
  });

  it('name the field of a rule the server could only call invalid as a whole', () => {
    const emptyShare = ruleOfDraft({
      ...draftOfRule({ kind: 'max_share', sources: ['SHSP'], category: 'm-and-a', share: 0.05 }, 'a'),
      sharePercent: '',
    });
    expect(ruleProblems(emptyShare).map(([field]) => field)).toEqual(['share']);
    const nowhere = ruleOfDraft({
      ...draftOfRule({ kind: 'min_spend', mission_area: 'Mitigation', amount: 1 }, 'b'),
      missionArea: '',
    });
    expect(ruleProblems(nowhere)).toEqual([
      ['mission_area', 'a spend rule names a mission_area or a county'],
    ]);
  });
});

describe('year labels', () => {
  it('name fiscal years when the portfolio names the first one', () => {
    expect(yearLabel(2026, 1)).toBe('FY2027');
    expect(yearLabel(undefined, 1)).toBe('Year 2');
  });
});
