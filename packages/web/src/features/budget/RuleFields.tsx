import { FieldErrors, invalidMarker } from './FieldErrors.tsx';
import { isShareKind, type RuleDraft, type RuleKind, ruleKinds } from './funding-form.ts';

/** Ids of the `<datalist>`s the rule boxes suggest from (the portfolio's own categories, areas, counties). */
export type RuleSuggestions = { categories: string; missionAreas: string; counties: string };

/**
 * One grant rule in the funding editor. Share rules ask for sources, a category and a percent;
 * spend rules for an amount and a mission area or county. `problems` are the server's
 * complaints by field of this rule (`share`, `sources`, `kind` …), shown under the rule and
 * tied to the boxes they name.
 */
export function RuleFields(props: {
  draft: RuleDraft;
  index: number;
  idPrefix: string;
  sources: string[];
  suggestions: RuleSuggestions;
  problems: [string, string][];
  onChange: (edit: (draft: RuleDraft) => RuleDraft) => void;
  onRemove: () => void;
}) {
  const { draft, problems } = props;
  const at = (field: string) => `${props.idPrefix}-${field}`;
  const errorId = at('errors');
  const invalid = invalidMarker(problems, '', errorId);
  const text = (field: keyof RuleDraft) => (value: string) =>
    props.onChange((d) => ({ ...d, [field]: value }));
  const n = props.index + 1;
  const share = isShareKind(draft.kind);
  return (
    <fieldset className="rule-fields" data-rule-key={draft.key}>
      <legend>Rule {n}</legend>
      <div className="budget-form-grid">
        <div className="budget-field">
          <label htmlFor={at('label')}>Label (optional)</label>
          <input
            id={at('label')}
            value={draft.label}
            maxLength={200}
            onChange={(e) => text('label')(e.target.value)}
            {...invalid('label')}
          />
        </div>
        <div className="budget-field">
          <label htmlFor={at('kind')}>Kind</label>
          <select
            id={at('kind')}
            value={draft.kind}
            onChange={(e) => props.onChange((d) => ({ ...d, kind: e.target.value as RuleKind }))}
            {...invalid('kind', 'id')}
          >
            {ruleKinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.words}
              </option>
            ))}
          </select>
        </div>
        {share ? (
          <>
            <fieldset className="source-checks" aria-describedby={invalid('sources')['aria-describedby']}>
              <legend>Sources</legend>
              {props.sources.map((source) => (
                <label key={source} className="inline-check">
                  <input
                    type="checkbox"
                    checked={draft.sources.includes(source)}
                    aria-invalid={invalid('sources')['aria-invalid']}
                    onChange={(e) =>
                      props.onChange((d) => ({
                        ...d,
                        // Kept in the portfolio's order of sources, whatever order they were ticked in.
                        sources: e.target.checked
                          ? props.sources.filter((s) => s === source || d.sources.includes(s))
                          : d.sources.filter((s) => s !== source),
                      }))
                    }
                  />
                  {source}
                </label>
              ))}
            </fieldset>
            <div className="budget-field">
              <label htmlFor={at('category')}>Category</label>
              <input
                id={at('category')}
                list={props.suggestions.categories}
                value={draft.category}
                onChange={(e) => text('category')(e.target.value)}
                {...invalid('category')}
              />
            </div>
            <div className="budget-field">
              <label htmlFor={at('share')}>Share (percent)</label>
              <input
                id={at('share')}
                type="number"
                min="0"
                max="100"
                step="any"
                value={draft.sharePercent}
                onChange={(e) => text('sharePercent')(e.target.value)}
                {...invalid('share')}
              />
            </div>
          </>
        ) : (
          <>
            <div className="budget-field">
              <label htmlFor={at('amount')}>Amount (US dollars)</label>
              <input
                id={at('amount')}
                type="number"
                min="0"
                step="any"
                value={draft.amount}
                onChange={(e) => text('amount')(e.target.value)}
                {...invalid('amount')}
              />
            </div>
            <div className="budget-field">
              <label htmlFor={at('mission-area')}>Mission area</label>
              <input
                id={at('mission-area')}
                list={props.suggestions.missionAreas}
                value={draft.missionArea}
                onChange={(e) => text('missionArea')(e.target.value)}
                {...invalid('mission_area')}
              />
            </div>
            <div className="budget-field">
              <label htmlFor={at('county')}>County (FIPS code)</label>
              <input
                id={at('county')}
                list={props.suggestions.counties}
                value={draft.county}
                onChange={(e) => text('county')(e.target.value)}
                {...invalid('county')}
              />
            </div>
          </>
        )}
      </div>
      {problems.length ? <FieldErrors id={errorId} name={`Rule ${n}`} problems={problems} /> : null}
      <button type="button" className="link-button" onClick={props.onRemove}>
        Remove rule {n}
      </button>
    </fieldset>
  );
}
