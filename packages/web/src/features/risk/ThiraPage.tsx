import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkingInput } from '@vigil/core/access';
import { mostRestrictiveTlp } from '@vigil/core/access';
import type { ThiraScenario } from '@vigil/core/risk';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { MarkingPicker } from '../bulletins/MarkingPicker.tsx';
import { GapChart } from './GapChart.tsx';
import { RiskNav } from './RiskNav.tsx';
import { riskClient } from './risk-client.ts';
import { ThiraScenarioCard } from './ThiraScenarioCard.tsx';
import './risk.css';

export const riskWriters = ['director', 'planner', 'analyst'];

/**
 * THIRA/SPR: the capability gap summary first (what falls short), then each threat or
 * hazard scenario with its capability targets and their SPR assessments.
 */
export function ThiraPage() {
  const user = useSignedIn();
  const canWrite = user.roles.some((role) => riskWriters.includes(role));
  const scenarios = useQuery({
    queryKey: ['risk', 'thira-scenarios'],
    queryFn: () => riskClient.list('thira-scenarios'),
  });
  const gaps = useQuery({ queryKey: ['risk', 'capability-gaps'], queryFn: riskClient.gaps });
  const labels = [
    scenarios.data?.items.length ? scenarios.data.marking : null,
    gaps.data?.items.length ? gaps.data.marking : null,
  ];
  const present = labels.filter((label) => label !== null);
  useMarkingBanner(present.length ? mostRestrictiveTlp(present) : null);

  return (
    <section className="page" aria-labelledby="thira-title">
      <h1 id="thira-title">THIRA and SPR</h1>
      <RiskNav />
      <h2>Capability gap summary</h2>
      <ProblemNote error={gaps.error} />
      {gaps.data?.items.length ? (
        <>
          <GapChart gaps={gaps.data.items} />
          <table className="risk-table" aria-label="Capability gaps">
            <thead>
              <tr>
                <th scope="col">Core capability</th>
                <th scope="col">Mission areas</th>
                <th scope="col" className="num">
                  Targets (assessed)
                </th>
                <th scope="col" className="num">
                  Met
                </th>
                <th scope="col">Gaps</th>
              </tr>
            </thead>
            <tbody>
              {gaps.data.items.map((gap) => (
                <tr key={gap.coreCapability}>
                  <th scope="row">{gap.coreCapability}</th>
                  <td>{gap.missionAreas.join(', ')}</td>
                  <td className="num">
                    {gap.targets} ({gap.assessed})
                  </td>
                  <td className="num">
                    {gap.meanMet === null ? 'not assessed' : `${Math.round(gap.meanMet * 100)}\u00a0%`}
                  </td>
                  <td>
                    {gap.gaps.flatMap((g) =>
                      g.tasks
                        .filter((task) => task.gap > 0)
                        .map((task) => (
                          <div key={`${g.targetId}-${task.metric}`}>
                            {task.metric}: {task.current.toLocaleString('en-US')} of{' '}
                            {task.target.toLocaleString('en-US')} (gap {task.gap.toLocaleString('en-US')})
                          </div>
                        )),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="muted">No capability targets yet.</p>
      )}
      <h2>Threat and hazard scenarios</h2>
      <ProblemNote error={scenarios.error} />
      {scenarios.data?.items.map((scenario) => (
        <ThiraScenarioCard key={scenario.id} scenario={scenario} canWrite={canWrite} />
      ))}
      {canWrite ? <NewScenarioForm /> : null}
    </section>
  );
}

function NewScenarioForm() {
  const user = useSignedIn();
  const queryClient = useQueryClient();
  const reference = useQuery({ queryKey: ['risk', 'reference'], queryFn: riskClient.reference });
  const [form, setForm] = useState({
    title: '',
    threatType: 'natural',
    hazard: '',
    context: '',
    metric: '',
    value: '',
  });
  const [marking, setMarking] = useState<MarkingInput>({ tlp: 'GREEN' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () => {
      const data: Partial<ThiraScenario> = {
        title: form.title,
        threatType: form.threatType as ThiraScenario['threatType'],
        hazard: (form.hazard || null) as ThiraScenario['hazard'],
        context: form.context,
        impacts: form.metric ? [{ metric: form.metric, value: Number(form.value) }] : [],
      };
      return riskClient.create('thira-scenarios', data, marking);
    },
    onSuccess: () => {
      setForm({ title: '', threatType: 'natural', hazard: '', context: '', metric: '', value: '' });
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="risk-form" onSubmit={submit} aria-labelledby="new-thira-scenario">
      <h3 id="new-thira-scenario">New THIRA scenario</h3>
      <label>
        Title
        <input value={form.title} onChange={(e) => set('title')(e.target.value)} required maxLength={200} />
      </label>
      <div className="row">
        <label>
          Type
          <select value={form.threatType} onChange={(e) => set('threatType')(e.target.value)}>
            <option value="natural">Natural</option>
            <option value="technological">Technological</option>
            <option value="human-caused">Human-caused</option>
          </select>
        </label>
        <label>
          NRI hazard
          <select value={form.hazard} onChange={(e) => set('hazard')(e.target.value)}>
            <option value="">None</option>
            {reference.data?.hazards.map((h) => (
              <option key={h.code} value={h.code}>
                {h.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Context: time, location and conditions
        <textarea value={form.context} onChange={(e) => set('context')(e.target.value)} rows={3} required />
      </label>
      <div className="row">
        <label>
          Impact (metric)
          <input
            value={form.metric}
            onChange={(e) => set('metric')(e.target.value)}
            placeholder="people requiring shelter"
          />
        </label>
        <label>
          Impact (number)
          <input type="number" min="0" value={form.value} onChange={(e) => set('value')(e.target.value)} />
        </label>
      </div>
      <MarkingPicker value={marking} onChange={setMarking} ownAgencyId={user.agencyId} />
      <ProblemNote error={create.error} />
      <button type="submit" className="button" disabled={create.isPending}>
        Save scenario
      </button>
    </form>
  );
}
