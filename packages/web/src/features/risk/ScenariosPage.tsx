import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkingInput } from '@vigil/core/access';
import type { ClimateScenarioInput } from '@vigil/core/risk';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { MarkingPicker } from '../bulletins/MarkingPicker.tsx';
import { RiskNav } from './RiskNav.tsx';
import { riskClient } from './risk-client.ts';
import './risk.css';

/** Climate scenarios: named per-hazard frequency multipliers, listed and created here. */
export function ScenariosPage() {
  const user = useSignedIn();
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['risk', 'reference'], queryFn: riskClient.reference });
  const scenarios = useQuery({
    queryKey: ['risk', 'climate-scenarios'],
    queryFn: () => riskClient.list('climate-scenarios'),
  });
  useMarkingBanner(scenarios.data?.items.length ? scenarios.data.marking : null);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [multipliers, setMultipliers] = useState<Record<string, string>>({});
  const [marking, setMarking] = useState<MarkingInput>({ tlp: 'GREEN' });
  const create = useMutation({
    mutationFn: () =>
      riskClient.create(
        'climate-scenarios',
        {
          name,
          description,
          multipliers: Object.fromEntries(
            Object.entries(multipliers)
              .filter(([, value]) => value.trim() !== '')
              .map(([code, value]) => [code, Number(value)]),
          ),
        },
        marking,
      ),
    onSuccess: () => {
      setName('');
      setMultipliers({});
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const canWrite = user.roles.some((role) => ['director', 'planner', 'analyst'].includes(role));

  return (
    <section className="page" aria-labelledby="scenarios-title">
      <h1 id="scenarios-title">Climate scenarios</h1>
      <RiskNav />
      <p className="muted">
        A scenario multiplies each hazard’s annualized frequency (1 = today). Expected annual loss is linear
        in frequency, so the projection is exact for the multipliers given; where they come from is the
        scenario’s author’s responsibility.
      </p>
      {scenarios.data?.items.map((scenario) => {
        const data = scenario.data as ClimateScenarioInput;
        return (
          <article key={scenario.id} className="risk-card">
            <TlpBadge tlp={scenario.marking.tlp} caveats={scenario.marking.caveats} />
            <h2>{data.name}</h2>
            {data.description ? <p>{data.description}</p> : null}
            <p>
              {Object.entries(data.multipliers)
                .map(
                  ([code, m]) =>
                    `${reference.data?.hazards.find((h) => h.code === code)?.name ?? code} ×${m}`,
                )
                .join(' · ') || 'No multipliers (today’s baseline).'}
            </p>
          </article>
        );
      })}
      {canWrite ? (
        <form className="risk-form" onSubmit={submit} aria-labelledby="new-scenario">
          <h2 id="new-scenario">New climate scenario</h2>
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
          </label>
          <label>
            Description and source of the multipliers
            <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
          </label>
          <div className="row">
            {reference.data?.hazards.map((h) => (
              <label key={h.code}>
                {h.name} ×
                <input
                  type="number"
                  step="0.05"
                  min="0"
                  max="20"
                  inputMode="decimal"
                  value={multipliers[h.code] ?? ''}
                  placeholder="1"
                  onChange={(e) => setMultipliers((m) => ({ ...m, [h.code]: e.target.value }))}
                  style={{ width: '6rem' }}
                />
              </label>
            ))}
          </div>
          <MarkingPicker value={marking} onChange={setMarking} ownAgencyId={user.agencyId} />
          <ProblemNote error={create.error} />
          <button type="submit" className="button" disabled={create.isPending}>
            Save scenario
          </button>
        </form>
      ) : null}
    </section>
  );
}
