import { availableAmounts, type PortfolioDetail, type PortfolioInput } from '@vigil/core/budget';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatMoney } from './budget-client.ts';
import { EditorProblems } from './EditorProblems.tsx';
import { isFieldUnder } from './FieldErrors.tsx';
import {
  draftOfRule,
  draftOfSource,
  newRuleDraft,
  newSourceDraft,
  type RuleDraft,
  ruleOfDraft,
  ruleProblems,
  sourceChoices,
  sourceOfDraft,
  yearLabel,
} from './funding-form.ts';
import { RuleFields } from './RuleFields.tsx';
import { SourceRows } from './SourceRows.tsx';
import { sumOfYears, useDraftList } from './use-draft-list.ts';
import { usePortfolioSave } from './use-portfolio-save.ts';

const fileOf = (detail: PortfolioDetail) => detail.portfolio as PortfolioInput;
const sourcesOf = (detail: PortfolioDetail) => fileOf(detail).sources.map(draftOfSource);
const rulesOf = (detail: PortfolioDetail) =>
  (fileOf(detail).rules ?? []).map((rule, i) => draftOfRule(structuredClone(rule), `rule-${i}`));

const distinct = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort();

/**
 * The finance officer's edit of the money and the grant rules: each source's display name,
 * amount per fiscal year, cost-share ceiling, eligible categories and end of the period of
 * performance; sources added (a new grant such as HMGP after a declaration) or removed (a
 * program that ended), existing IDs kept since investments and rules name them (names are
 * only labels, so any row's may change); the rules, added, changed or removed. Saving sends
 * the whole portfolio file back at the version it was opened from (the candidates untouched);
 * the server's complaints appear beside the box they name, and a newer version is reported as
 * a conflict with a reload.
 */
export function FundingEditor(props: {
  detail: PortfolioDetail;
  onSaved: (saved: PortfolioDetail) => void;
  onCancel: () => void;
}) {
  const prefix = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [opened, setOpened] = useState(props.detail);
  const sourceList = useDraftList({
    initial: () => sourcesOf(props.detail),
    onReshaped: () => save.reset(),
    headingRef,
  });
  const ruleList = useDraftList({
    initial: () => rulesOf(props.detail),
    onReshaped: () => save.reset(),
    headingRef,
  });
  const sources = sourceList.items;
  const rules = ruleList.items;
  const added = useRef(0);
  const file = fileOf(opened);
  const year = (j: number) => yearLabel(file.first_fiscal_year, j);
  const suggestions = {
    categories: `${prefix}-categories`,
    missionAreas: `${prefix}-mission-areas`,
    counties: `${prefix}-counties`,
  };

  const {
    save,
    reload,
    errors: problems,
    conflict,
  } = usePortfolioSave({
    opened,
    fileToSave: () => ({ ...file, sources: sources.map(sourceOfDraft), rules: rules.map(ruleOfDraft) }),
    onSaved: props.onSaved,
    onReloaded: (fresh) => {
      setOpened(fresh);
      sourceList.reset(sourcesOf(fresh));
      ruleList.reset(rulesOf(fresh));
      headingRef.current?.focus();
    },
    formRef,
  });
  const errors = [...problems];
  const problemsOfRule = (i: number, draft: RuleDraft): [string, string][] => {
    const base = `portfolio.rules[${i}]`;
    return errors
      .filter(([field]) => isFieldUnder(field, base))
      .flatMap(([field, message]): [string, string][] => {
        const inside = field.slice(base.length).replace(/^\./, '');
        if (inside) return [[inside, message]];
        // A rule refused as a whole (no field of it named): the contract of its kind says where.
        const named = ruleProblems(ruleOfDraft(draft));
        return named.length ? named : [['kind', message]];
      });
  };
  const elsewhere = errors.filter(([field]) => !/^portfolio\.(sources|rules)\[\d+\]/.test(field));

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const addSource = () => {
    added.current += 1;
    const draft = newSourceDraft(String(added.current), file.years);
    sourceList.add(draft, `${prefix}-${draft.key}-id`);
  };
  const addRule = () => {
    const key = `new-${Date.now()}`;
    ruleList.add(newRuleDraft(key), `${prefix}-${key}-label`);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  // What the optimizer will count: money in a year past a source's period of performance is not there.
  const available = sumOfYears(
    availableAmounts({
      years: file.years,
      first_fiscal_year: file.first_fiscal_year,
      // As typed: the end date in its box, not the one the editor opened with.
      sources: sources.map(sourceOfDraft),
    }).flat(),
  );

  return (
    <form
      ref={formRef}
      className="budget-form funding-editor"
      onSubmit={submit}
      aria-labelledby={`${prefix}-title`}
    >
      <h2 id={`${prefix}-title`} ref={headingRef} tabIndex={-1}>
        Edit funding and rules
      </h2>
      <p>
        {formatMoney(available)} available from {sources.length} sources under {rules.length} grant rules.
        Saving makes version {opened.version + 1}; the optimizer result of version {opened.version} is then
        set aside and the optimizer runs again on request.
      </p>
      <EditorProblems
        error={save.error}
        fieldCount={errors.length}
        elsewhere={elsewhere}
        conflict={conflict}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
      />
      <SourceRows
        idPrefix={prefix}
        sources={sources}
        years={file.years}
        yearLabel={year}
        errors={errors}
        onChange={sourceList.change}
        onRemove={sourceList.remove}
      />
      <div className="budget-actions">
        <button type="button" onClick={addSource}>
          Add source
        </button>
      </div>
      <h3>Grant rules</h3>
      {rules.length ? null : <p>No grant rules.</p>}
      <div className="rule-list">
        {rules.map((draft, i) => (
          <RuleFields
            key={draft.key}
            draft={draft}
            index={i}
            idPrefix={`${prefix}-${draft.key}`}
            sources={sourceChoices(sources, draft.sources)}
            suggestions={suggestions}
            problems={problemsOfRule(i, draft)}
            onChange={(edit) => ruleList.change(draft.key, edit)}
            onRemove={() => ruleList.remove(draft.key)}
          />
        ))}
      </div>
      <datalist id={suggestions.categories}>
        {distinct([
          ...file.investments.map((inv) => inv.category),
          ...file.sources.flatMap((source) => source.eligible_categories ?? []),
        ]).map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={suggestions.missionAreas}>
        {distinct(file.investments.map((inv) => inv.mission_area)).map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={suggestions.counties}>
        {distinct(file.investments.map((inv) => inv.county)).map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <div className="budget-actions">
        <button type="button" onClick={addRule}>
          Add rule
        </button>
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="link-button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
