import { type GrantRule, grantRuleSchema, type PortfolioInput } from '@vigil/core/budget';

export type SourceInput = PortfolioInput['sources'][number];
export type RuleInput = NonNullable<PortfolioInput['rules']>[number];
export type RuleKind = GrantRule['kind'];

export const ruleKinds: { value: RuleKind; words: string }[] = [
  { value: 'min_share', words: 'Minimum share of sources' },
  { value: 'max_share', words: 'Maximum share of sources' },
  { value: 'min_spend', words: 'Minimum spend' },
  { value: 'max_spend', words: 'Maximum spend' },
];

export const kindWords = (kind: RuleKind): string => ruleKinds.find((k) => k.value === kind)?.words ?? kind;

export const isShareKind = (kind: RuleKind): kind is 'min_share' | 'max_share' =>
  kind === 'min_share' || kind === 'max_share';

/** `FY2027` when the portfolio names its first fiscal year, else `Year 2`. */
export const yearLabel = (firstFiscalYear: number | undefined, j: number): string =>
  firstFiscalYear ? `FY${firstFiscalYear + j}` : `Year ${j + 1}`;

/** A share (0.35) as the percent a finance officer types (35), without floating-point tails (7.000000000000001). */
export function percentText(share: number | undefined): string {
  if (share === undefined || Number.isNaN(share)) return '';
  return String(Number((share * 100).toPrecision(12)));
}

/** A percent box back to a share; empty and non-numbers stay not-a-number, so the server names the field. */
export function shareOf(percent: string): number {
  return percent.trim() === '' ? Number.NaN : Number(percent) / 100;
}

/** A dollar box: empty is not-a-number (sent as null) rather than a guessed zero. */
export function dollarsOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** `letpa, equipment` → ['letpa', 'equipment']; an empty box means every category (the field is left out). */
export function categoriesOf(text: string): string[] | undefined {
  const list = text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

/** What the rule form holds: every field of both rule shapes, so switching kind loses nothing typed. */
export type RuleDraft = {
  key: string;
  id?: string;
  kind: RuleKind;
  label: string;
  sources: string[];
  category: string;
  sharePercent: string;
  amount: string;
  missionArea: string;
  county: string;
};

export function draftOfRule(rule: RuleInput, key: string): RuleDraft {
  const common = { key, kind: rule.kind, label: rule.label ?? '', ...(rule.id ? { id: rule.id } : {}) };
  if ('sources' in rule) {
    return {
      ...common,
      sources: [...rule.sources],
      category: rule.category,
      sharePercent: percentText(rule.share),
      amount: '',
      missionArea: '',
      county: '',
    };
  }
  return {
    ...common,
    sources: [],
    category: '',
    sharePercent: '',
    amount: Number.isNaN(rule.amount) ? '' : String(rule.amount),
    missionArea: rule.mission_area ?? '',
    county: rule.county ?? '',
  };
}

export function newRuleDraft(key: string): RuleDraft {
  return {
    key,
    kind: 'min_share',
    label: '',
    sources: [],
    category: '',
    sharePercent: '',
    amount: '',
    missionArea: '',
    county: '',
  };
}

/** The rule the file gets: only the fields of its kind; empty optional text is left out, not sent blank. */
export function ruleOfDraft(draft: RuleDraft): RuleInput {
  const optional = {
    ...(draft.id ? { id: draft.id } : {}),
    ...(draft.label.trim() ? { label: draft.label } : {}),
  };
  if (isShareKind(draft.kind)) {
    return {
      kind: draft.kind,
      sources: draft.sources,
      category: draft.category,
      share: shareOf(draft.sharePercent),
      ...optional,
    };
  }
  return {
    kind: draft.kind,
    ...(draft.missionArea.trim() ? { mission_area: draft.missionArea } : {}),
    ...(draft.county.trim() ? { county: draft.county } : {}),
    amount: dollarsOf(draft.amount),
    ...optional,
  };
}

/**
 * Names the fields of a rule the server refused as a whole. A rule is one of two shapes, and
 * when neither fits the server can only say `rules[3]: Invalid input`; checking the rule
 * against the contract of its own kind finds the field (`share`, `mission_area` …).
 */
export function ruleProblems(rule: RuleInput): [string, string][] {
  // The union by kind, members in order [share rule, spend rule]; checked here too for an answer before the round trip.
  const [shareRule, spendRule] = grantRuleSchema.options;
  const schema = isShareKind(rule.kind) ? shareRule : spendRule;
  const result = schema.safeParse(rule);
  if (result.success) return [];
  const seen = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'kind');
    if (!seen.has(field)) seen.set(field, issue.message);
  }
  return [...seen];
}

/**
 * A source as the form holds it: yearly amounts as numbers, the rest as the text in its box.
 * `key` stays put while the row lives (a new row's ID is being typed); `isNew` rows take an ID,
 * the others keep theirs, since investments and rules name sources by ID. The display name
 * is only a label (nothing refers to it), so every row may change it.
 */
export type SourceDraft = {
  key: string;
  isNew: boolean;
  source: SourceInput;
  name: string;
  costSharePercent: string;
  categories: string;
  periodEnd: string;
};

export function draftOfSource(source: SourceInput): SourceDraft {
  return {
    // `old-` and `new-` keys never meet, whatever IDs the file uses.
    key: `old-${source.id}`,
    isNew: false,
    source: structuredClone(source),
    name: source.name ?? '',
    costSharePercent: percentText(source.max_cost_share),
    categories: (source.eligible_categories ?? []).join(', '),
    periodEnd: source.period_of_performance_end ?? '',
  };
}

/** A source being added: no ID and empty yearly amounts yet, so the server names what is left out. */
export function newSourceDraft(key: string, years: number): SourceDraft {
  return {
    key: `new-${key}`,
    isNew: true,
    source: { id: '', amount_by_year: Array.from({ length: years }, () => Number.NaN) },
    name: '',
    costSharePercent: '',
    categories: '',
    periodEnd: '',
  };
}

/**
 * The sources a share rule offers to tick: those of the form (new ones as typed) in their
 * order, then any the rule still names that were removed, so it can be unticked.
 */
export function sourceChoices(sources: SourceDraft[], named: string[]): string[] {
  const present = [...new Set(sources.map((draft) => draft.source.id.trim()).filter(Boolean))];
  return [...present, ...named.filter((id) => !present.includes(id))];
}

/**
 * Empty name, ceiling, categories or end date: the field is left out (no name, no ceiling,
 * every category, no end); the contract refuses a blank name.
 */
export function sourceOfDraft(draft: SourceDraft): SourceInput {
  const {
    name: _name,
    max_cost_share: _share,
    eligible_categories: _categories,
    period_of_performance_end: _end,
    ...rest
  } = draft.source;
  const categories = categoriesOf(draft.categories);
  return {
    ...rest,
    ...(draft.name.trim() ? { name: draft.name } : {}),
    ...(draft.costSharePercent.trim() ? { max_cost_share: shareOf(draft.costSharePercent) } : {}),
    ...(categories ? { eligible_categories: categories } : {}),
    ...(draft.periodEnd ? { period_of_performance_end: draft.periodEnd } : {}),
  };
}
