import type { PortfolioDetail, PortfolioInput } from '@vigil/core/budget';
import { type FormEvent, Fragment, useEffect, useId, useRef, useState } from 'react';
import { formatMoney } from './budget-client.ts';
import { EditorProblems } from './EditorProblems.tsx';
import {
  draftOfRule,
  draftOfSource,
  newRuleDraft,
  type RuleDraft,
  ruleOfDraft,
  ruleProblems,
  type SourceDraft,
  sourceOfDraft,
  yearLabel,
} from './funding-form.ts';
import { RuleFields } from './RuleFields.tsx';
import { usePortfolioSave } from './use-portfolio-save.ts';

const fileOf = (detail: PortfolioDetail) => detail.portfolio as PortfolioInput;
const sourcesOf = (detail: PortfolioDetail) => fileOf(detail).sources.map(draftOfSource);
const rulesOf = (detail: PortfolioDetail) =>
  (fileOf(detail).rules ?? []).map((rule, i) => draftOfRule(structuredClone(rule), `rule-${i}`));

/** A number box's text: empty for what is not a number yet. */
const shown = (value: number) => (Number.isNaN(value) ? '' : String(value));
/** Empty stays not-a-number, so the server names the field rather than the form guessing a zero. */
const typed = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/** `field` is `base` itself or something inside it (`base.x`, `base[2]`). */
const isUnder = (field: string, base: string) =>
  field === base || field.startsWith(`${base}.`) || field.startsWith(`${base}[`);

const distinct = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort();

/**
 * The finance officer's edit of the money and the grant rules: each source's amount per
 * fiscal year, cost-share ceiling, eligible categories and end of the period of performance;
 * the rules, added, changed or removed. Saving sends the whole portfolio file back at the
 * version it was opened from (the candidates untouched); the server's complaints appear
 * beside the box they name, and a newer version is reported as a conflict with a reload.
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
  const [sources, setSources] = useState(() => sourcesOf(props.detail));
  const [rules, setRules] = useState(() => rulesOf(props.detail));
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const file = fileOf(opened);
  const sourceIds = file.sources.map((source) => source.id);
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
      setSources(sourcesOf(fresh));
      setRules(rulesOf(fresh));
      headingRef.current?.focus();
    },
    formRef,
  });
  const errors = [...problems];
  const sourceField = (i: number) => `portfolio.sources[${i}]`;
  const errorsOfSource = (i: number) => errors.filter(([field]) => isUnder(field, sourceField(i)));
  const problemsOfRule = (i: number, draft: RuleDraft): [string, string][] => {
    const base = `portfolio.rules[${i}]`;
    return errors
      .filter(([field]) => isUnder(field, base))
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
  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(`${prefix}-${focusKey}-label`)?.focus();
    setFocusKey(null);
  }, [focusKey, prefix]);

  const changeSource = (i: number, edit: (draft: SourceDraft) => SourceDraft) =>
    setSources((all) => all.map((draft, k) => (k === i ? edit(draft) : draft)));
  const changeRule = (key: string, edit: (draft: RuleDraft) => RuleDraft) =>
    setRules((all) => all.map((draft) => (draft.key === key ? edit(draft) : draft)));
  const addRule = () => {
    const key = `new-${Date.now()}`;
    setRules((all) => [...all, newRuleDraft(key)]);
    setFocusKey(key);
    save.reset();
  };
  const removeRule = (key: string) => {
    setRules((all) => all.filter((draft) => draft.key !== key));
    // Complaints name rules by position, which the removal shifted.
    save.reset();
    headingRef.current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const available = sources.reduce(
    (sum, draft) => sum + draft.source.amount_by_year.reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0),
    0,
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
      <div className="budget-scroll">
        <table className="budget-table editor-table" aria-label="Funding sources being edited">
          <thead>
            <tr>
              <th scope="col">Source</th>
              {Array.from({ length: file.years }, (_, j) => (
                <th scope="col" key={year(j)}>
                  {year(j)} amount ($)
                </th>
              ))}
              <th scope="col">Cost-share ceiling (%)</th>
              <th scope="col">Period of performance ends</th>
              <th scope="col">Eligible categories</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((draft, i) => {
              const { id } = draft.source;
              const sourceErrors = errorsOfSource(i);
              const errorId = `${prefix}-source-${i}-errors`;
              const invalid = (...keys: string[]) => {
                const bad = sourceErrors.some(([field]) =>
                  keys.some((key) => isUnder(field, `${sourceField(i)}.${key}`)),
                );
                return {
                  'aria-invalid': bad ? (true as const) : undefined,
                  'aria-describedby': bad ? errorId : undefined,
                };
              };
              return (
                <Fragment key={id}>
                  <tr data-source={id}>
                    <th scope="row">
                      {id}
                      {draft.source.name ? <span className="muted"> {draft.source.name}</span> : null}
                    </th>
                    {draft.source.amount_by_year.map((amount, j) => {
                      const yearly = `${sourceField(i)}.amount_by_year`;
                      // A complaint about the whole list (its length) marks every year; one about a year, that year.
                      const bad = sourceErrors.some(
                        ([field]) => field === yearly || isUnder(field, `${yearly}[${j}]`),
                      );
                      return (
                        <td key={year(j)}>
                          <input
                            type="number"
                            min="0"
                            step="any"
                            aria-label={`${id} ${year(j)} amount (US dollars)`}
                            value={shown(amount)}
                            onChange={(e) =>
                              changeSource(i, (d) => ({
                                ...d,
                                source: {
                                  ...d.source,
                                  amount_by_year: d.source.amount_by_year.map((a, k) =>
                                    k === j ? typed(e.target.value) : a,
                                  ),
                                },
                              }))
                            }
                            aria-invalid={bad ? true : undefined}
                            aria-describedby={bad ? errorId : undefined}
                          />
                        </td>
                      );
                    })}
                    <td>
                      <input
                        type="number"
                        min="0"
                        max="100"
                        step="any"
                        aria-label={`${id} federal cost-share ceiling (percent; empty for none)`}
                        value={draft.costSharePercent}
                        onChange={(e) => changeSource(i, (d) => ({ ...d, costSharePercent: e.target.value }))}
                        {...invalid('max_cost_share')}
                      />
                    </td>
                    <td>
                      <input
                        type="date"
                        aria-label={`${id} period of performance end`}
                        value={draft.periodEnd}
                        onChange={(e) => changeSource(i, (d) => ({ ...d, periodEnd: e.target.value }))}
                        {...invalid('period_of_performance_end')}
                      />
                    </td>
                    <td>
                      <input
                        aria-label={`${id} eligible categories (comma-separated; empty for all)`}
                        value={draft.categories}
                        onChange={(e) => changeSource(i, (d) => ({ ...d, categories: e.target.value }))}
                        {...invalid('eligible_categories')}
                      />
                    </td>
                  </tr>
                  {sourceErrors.length ? (
                    <tr className="line-errors">
                      <td colSpan={4 + file.years}>
                        <ul id={errorId} className="field-error">
                          {sourceErrors.map(([field, message]) => (
                            <li key={field}>
                              {id} — {field.replace('portfolio.', '')}: {message}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
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
            sources={sourceIds}
            suggestions={suggestions}
            problems={problemsOfRule(i, draft)}
            onChange={(edit) => changeRule(draft.key, edit)}
            onRemove={() => removeRule(draft.key)}
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
