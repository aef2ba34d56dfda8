import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExecutionEntry, PortfolioRow } from '@vigil/core/budget';
import { type FormEvent, useId, useRef, useState } from 'react';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { budgetClient, formatMoney, problemFields } from './budget-client.ts';

const kinds: { value: ExecutionEntry['kind']; label: string }[] = [
  { value: 'award', label: 'Award (money granted)' },
  { value: 'obligation', label: 'Obligation (contract signed)' },
  { value: 'expenditure', label: 'Expenditure (money paid out)' },
];

const fieldNames: string[] = ['investment_id', 'source_id', 'kind', 'amount', 'on', 'note'];

/**
 * Records an award, obligation or expenditure the way a grants office enters it. Only the
 * sources eligible for the chosen investment are offered; the server checks again and its
 * complaints appear beside the field they name.
 */
export function ExecutionForm(props: { id: string; rows: PortfolioRow[]; today: string }) {
  const queryClient = useQueryClient();
  const prefix = useId();
  const amountRef = useRef<HTMLInputElement>(null);
  const first = props.rows[0];
  const [investmentId, setInvestmentId] = useState(first?.id ?? '');
  const investment = props.rows.find((row) => row.id === investmentId);
  const [sourceId, setSourceId] = useState(first?.eligible_sources[0] ?? '');
  const [kind, setKind] = useState<ExecutionEntry['kind']>('expenditure');
  const [amount, setAmount] = useState('');
  const [on, setOn] = useState(props.today);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const record = useMutation({
    mutationFn: (entry: ExecutionEntry) => budgetClient.recordExecution(props.id, entry),
    onSuccess: (_answer, entry) => {
      const name = props.rows.find((row) => row.id === entry.investment_id)?.name ?? entry.investment_id;
      setSaved(`Recorded ${entry.kind} of ${formatMoney(entry.amount)} for ${name} (${entry.source_id}).`);
      setAmount('');
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['budget', 'execution', props.id] });
      amountRef.current?.focus();
    },
  });
  const errors = problemFields(record.error);
  const byField = [...errors.keys()].some((name) => fieldNames.includes(name));
  const field = (name: keyof ExecutionEntry) => {
    const message = errors.get(name);
    const errorId = `${prefix}-${name}-error`;
    return {
      id: `${prefix}-${name}`,
      'aria-invalid': message ? true : undefined,
      'aria-describedby': message ? errorId : undefined,
      error: message ? (
        <span id={errorId} className="field-error">
          {message}
        </span>
      ) : null,
    };
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    record.mutate({
      investment_id: investmentId,
      source_id: sourceId,
      kind,
      // An empty box is sent as not-a-number; the server names the field.
      amount: amount.trim() === '' ? Number.NaN : Number(amount),
      on,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const chooseInvestment = (id: string) => {
    setInvestmentId(id);
    const sources = props.rows.find((row) => row.id === id)?.eligible_sources ?? [];
    if (!sources.includes(sourceId)) setSourceId(sources[0] ?? '');
  };
  const { error: investmentError, ...investmentProps } = field('investment_id');
  const { error: sourceError, ...sourceProps } = field('source_id');
  const { error: kindError, ...kindProps } = field('kind');
  const { error: amountError, ...amountProps } = field('amount');
  const { error: onError, ...onProps } = field('on');
  const { error: noteError, ...noteProps } = field('note');
  return (
    <form className="budget-form execution-form" onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>Record an award, obligation or expenditure</h3>
      <div className="budget-form-grid">
        <div className="budget-field">
          <label htmlFor={investmentProps.id}>Investment</label>
          <select
            {...investmentProps}
            value={investmentId}
            onChange={(e) => chooseInvestment(e.target.value)}
          >
            {props.rows.map((row) => (
              <option key={row.id} value={row.id}>
                {row.name ?? row.id}
              </option>
            ))}
          </select>
          {investmentError}
        </div>
        <div className="budget-field">
          <label htmlFor={sourceProps.id}>Funding source</label>
          <select {...sourceProps} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
            {(investment?.eligible_sources ?? []).map((source) => (
              <option key={source} value={source}>
                {source}
              </option>
            ))}
          </select>
          {sourceError}
        </div>
        <div className="budget-field">
          <label htmlFor={kindProps.id}>Kind</label>
          <select
            {...kindProps}
            value={kind}
            onChange={(e) => setKind(e.target.value as ExecutionEntry['kind'])}
          >
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          {kindError}
        </div>
        <div className="budget-field">
          <label htmlFor={amountProps.id}>Amount (US dollars)</label>
          <input
            {...amountProps}
            ref={amountRef}
            type="number"
            inputMode="decimal"
            min="0"
            step="0.01"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          {amountError}
        </div>
        <div className="budget-field">
          <label htmlFor={onProps.id}>Date</label>
          <input {...onProps} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
          {onError}
        </div>
        <div className="budget-field">
          <label htmlFor={noteProps.id}>Note (optional)</label>
          <input {...noteProps} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          {noteError}
        </div>
      </div>
      {byField ? null : <ProblemNote error={record.error} />}
      <p role="status" className="budget-saved">
        {saved}
      </p>
      <button type="submit" disabled={record.isPending}>
        {record.isPending ? 'Recording…' : 'Record entry'}
      </button>
    </form>
  );
}
