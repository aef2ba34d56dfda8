import type { PortfolioDetail, PortfolioInput } from '@vigil/core/budget';
import { type FormEvent, Fragment, useId, useRef, useState } from 'react';
import { formatMoney } from './budget-client.ts';
import { EditorProblems } from './EditorProblems.tsx';
import { FieldErrors, invalidMarker, isFieldUnder } from './FieldErrors.tsx';
import { yearLabel } from './funding-form.ts';
import { sumOfYears, useDraftList } from './use-draft-list.ts';
import { usePortfolioSave } from './use-portfolio-save.ts';

type Candidate = PortfolioInput['investments'][number];
type Line = { key: string; isNew: boolean; investment: Candidate };

const linesOf = (detail: PortfolioDetail): Line[] =>
  (detail.portfolio as PortfolioInput).investments.map((investment) => ({
    key: investment.id,
    isNew: false,
    investment: structuredClone(investment),
  }));

/** A number box's text: empty for "not given" (undefined) and for what is not a number yet. */
const shown = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? '' : String(value);
/** Empty stays not-a-number, so the server names the field rather than the form guessing a zero. */
const typed = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * The finance officer's edit of the candidate list: benefit, gap points, cost per year,
 * eligible sources and must-fund of each line; add and remove lines. Saving sends the whole
 * portfolio file back at the version it was opened from; the server's complaints are shown
 * under the line they name (`investments[3].cost_by_year`), and a newer version is reported
 * as a conflict with the choice to reload.
 */
export function CandidateEditor(props: {
  detail: PortfolioDetail;
  onSaved: (saved: PortfolioDetail) => void;
  onCancel: () => void;
}) {
  const prefix = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [opened, setOpened] = useState(props.detail);
  const draft = useDraftList({
    initial: () => linesOf(props.detail),
    onReshaped: () => save.reset(),
    headingRef,
  });
  const lines = draft.items;
  const file = opened.portfolio as PortfolioInput;
  const sources = file.sources.map((source) => source.id);
  const year = (j: number) => yearLabel(file.first_fiscal_year, j);

  const { save, reload, errors, conflict } = usePortfolioSave({
    opened,
    fileToSave: () => ({ ...file, investments: lines.map((line) => line.investment) }),
    onSaved: props.onSaved,
    onReloaded: (fresh) => {
      setOpened(fresh);
      draft.reset(linesOf(fresh));
      headingRef.current?.focus();
    },
    formRef,
  });
  const lineField = (i: number) => `portfolio.investments[${i}]`;
  const errorsOfLine = (i: number) => [...errors].filter(([field]) => isFieldUnder(field, lineField(i)));
  const elsewhere = [...errors].filter(([field]) => !/^portfolio\.investments\[\d+\]/.test(field));

  const change = (key: string, edit: (investment: Candidate) => Candidate) =>
    draft.change(key, (line) => ({ ...line, investment: edit(line.investment) }));
  const add = () => {
    const key = `new-${Date.now()}`;
    const investment: Candidate = {
      id: '',
      cost_by_year: Array.from({ length: file.years }, () => 0),
      eligible_sources: sources.slice(0, 1),
      mission_area: '',
      category: '',
    };
    draft.add({ key, isNew: true, investment }, `${prefix}-${key}-id`);
  };
  const remove = draft.remove;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const asked = lines.reduce((sum, line) => sum + sumOfYears(line.investment.cost_by_year), 0);

  return (
    <form
      ref={formRef}
      className="budget-form candidate-editor"
      onSubmit={submit}
      aria-labelledby={`${prefix}-title`}
    >
      <h2 id={`${prefix}-title`} ref={headingRef} tabIndex={-1}>
        Edit candidates
      </h2>
      <p>
        {lines.length} candidates asking {formatMoney(asked)}. Saving makes version {opened.version + 1}; the
        optimizer result of version {opened.version} is then set aside and the optimizer runs again on
        request.
      </p>
      <EditorProblems
        error={save.error}
        fieldCount={errors.size}
        elsewhere={elsewhere}
        conflict={conflict}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
      />
      <div className="budget-scroll">
        <table className="budget-table editor-table" aria-label="Candidate investments being edited">
          <thead>
            <tr>
              <th scope="col">Investment</th>
              <th scope="col">Funding sources</th>
              <th scope="col">Benefit ($)</th>
              <th scope="col">Gap points</th>
              {Array.from({ length: file.years }, (_, j) => (
                <th scope="col" key={year(j)}>
                  {year(j)} cost ($)
                </th>
              ))}
              <th scope="col">Must fund</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => {
              const inv = line.investment;
              const name = inv.name ?? (inv.id || `new candidate ${i + 1}`);
              const lineErrors = errorsOfLine(i);
              const errorId = `${prefix}-${line.key}-errors`;
              const invalid = invalidMarker(lineErrors, lineField(i), errorId);
              return (
                <Fragment key={line.key}>
                  <tr data-candidate={inv.id || line.key}>
                    <th scope="row">
                      {line.isNew ? (
                        <div className="new-candidate">
                          <input
                            id={`${prefix}-${line.key}-id`}
                            aria-label={`ID of ${name}`}
                            placeholder="id"
                            value={inv.id}
                            onChange={(e) => change(line.key, (x) => ({ ...x, id: e.target.value }))}
                            {...invalid('id')}
                          />
                          <input
                            aria-label={`Name of ${name}`}
                            placeholder="name"
                            value={inv.name ?? ''}
                            onChange={(e) =>
                              change(line.key, ({ name: _name, ...x }) =>
                                e.target.value ? { ...x, name: e.target.value } : x,
                              )
                            }
                            {...invalid('name')}
                          />
                          <input
                            aria-label={`Mission area of ${name}`}
                            placeholder="mission area"
                            value={inv.mission_area}
                            onChange={(e) =>
                              change(line.key, (x) => ({ ...x, mission_area: e.target.value }))
                            }
                            {...invalid('mission_area')}
                          />
                          <input
                            aria-label={`Category of ${name}`}
                            placeholder="category"
                            value={inv.category}
                            onChange={(e) => change(line.key, (x) => ({ ...x, category: e.target.value }))}
                            {...invalid('category')}
                          />
                        </div>
                      ) : (
                        <>
                          {name}
                          <span className="muted"> {inv.id}</span>
                        </>
                      )}
                    </th>
                    <td>
                      <fieldset
                        className="source-checks"
                        aria-describedby={invalid('eligible_sources')['aria-describedby']}
                      >
                        <legend className="visually-hidden">Funding sources of {name}</legend>
                        {sources.map((source) => (
                          <label key={source} className="inline-check">
                            <input
                              type="checkbox"
                              checked={inv.eligible_sources.includes(source)}
                              onChange={(e) =>
                                change(line.key, (x) => ({
                                  ...x,
                                  eligible_sources: e.target.checked
                                    ? sources.filter((s) => s === source || x.eligible_sources.includes(s))
                                    : x.eligible_sources.filter((s) => s !== source),
                                }))
                              }
                            />
                            {source}
                          </label>
                        ))}
                      </fieldset>
                    </td>
                    <td>
                      <input
                        type="number"
                        min="0"
                        step="any"
                        aria-label={`Benefit of ${name} in dollars`}
                        value={shown(inv.benefit)}
                        onChange={(e) =>
                          change(line.key, ({ benefit: _b, ...x }) =>
                            e.target.value === '' ? x : { ...x, benefit: typed(e.target.value) },
                          )
                        }
                        {...invalid('benefit')}
                      />
                      {inv.benefit_by_year ? <span className="muted"> + yearly benefits</span> : null}
                    </td>
                    <td>
                      <input
                        type="number"
                        min="0"
                        step="any"
                        aria-label={`Gap points of ${name}`}
                        value={shown(inv.gap_points)}
                        onChange={(e) =>
                          change(line.key, ({ gap_points: _g, ...x }) =>
                            e.target.value === '' ? x : { ...x, gap_points: typed(e.target.value) },
                          )
                        }
                        {...invalid('gap_points')}
                      />
                    </td>
                    {inv.cost_by_year.map((cost, j) => (
                      <td key={year(j)}>
                        <input
                          type="number"
                          min="0"
                          step="any"
                          aria-label={`${year(j)} cost of ${name} in dollars`}
                          value={shown(cost)}
                          onChange={(e) =>
                            change(line.key, (x) => ({
                              ...x,
                              cost_by_year: x.cost_by_year.map((c, k) =>
                                k === j ? typed(e.target.value) : c,
                              ),
                            }))
                          }
                          {...invalid('cost_by_year')}
                        />
                      </td>
                    ))}
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${name} must be funded`}
                        checked={inv.must_fund ?? false}
                        onChange={(e) => change(line.key, (x) => ({ ...x, must_fund: e.target.checked }))}
                      />
                    </td>
                    <td>
                      <button type="button" className="link-button" onClick={() => remove(line.key)}>
                        Remove<span className="visually-hidden"> {name}</span>
                      </button>
                    </td>
                  </tr>
                  {lineErrors.length ? (
                    <tr className="line-errors">
                      <td colSpan={6 + file.years}>
                        <FieldErrors id={errorId} name={name} problems={lineErrors} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="budget-actions">
        <button type="button" onClick={add}>
          Add candidate
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
