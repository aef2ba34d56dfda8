import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MarkingInput } from '@vigil/core/access';
import type { ThreatEntry } from '@vigil/core/risk';
import { type FormEvent, useState } from 'react';
import { useSignedIn } from '../../api/session.tsx';
import { Link } from '../../app/router.tsx';
import { TlpBadge, useMarkingBanner } from '../../ui/marking-banner.tsx';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { MarkingPicker } from '../bulletins/MarkingPicker.tsx';
import { countyLabel } from './county-label.ts';
import { RiskNav } from './RiskNav.tsx';
import { formatDollars, riskClient } from './risk-client.ts';
import { riskWriters } from './ThiraPage.tsx';
import './risk.css';

const emptyForm = {
  title: '',
  threatType: 'human-caused',
  category: '',
  subjectKind: 'county',
  stcofips: '',
  assetName: '',
  likelihood: '',
  likelihoodSource: '',
  confidence: 'moderate',
  vulnerability: '',
  consequence: '',
};

/** Human-caused and technological threats, scored Threat × Vulnerability × Consequence, highest first. */
export function ThreatsPage() {
  const user = useSignedIn();
  const queryClient = useQueryClient();
  const threats = useQuery({ queryKey: ['risk', 'threats'], queryFn: () => riskClient.list('threats') });
  // The map's and the risk table's query (today's baseline): it names the counties a threat is about.
  const counties = useQuery({
    queryKey: ['risk', 'counties', null],
    queryFn: () => riskClient.counties(null),
  });
  const countyNames = new Map(counties.data?.items.map((c) => [c.stcofips, countyLabel(c)]));
  const countyName = (fips: string) => countyNames.get(fips) ?? `FIPS ${fips}`;
  useMarkingBanner(threats.data?.items.length ? threats.data.marking : null);
  const [form, setForm] = useState(emptyForm);
  const [marking, setMarking] = useState<MarkingInput>({ tlp: 'AMBER' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const create = useMutation({
    mutationFn: () =>
      riskClient.create(
        'threats',
        {
          title: form.title,
          threatType: form.threatType,
          category: form.category,
          subject:
            form.subjectKind === 'county'
              ? { kind: 'county', stcofips: form.stcofips }
              : { kind: 'asset', name: form.assetName, stcofips: form.stcofips || null },
          likelihood: Number(form.likelihood),
          likelihoodSource: form.likelihoodSource,
          confidence: form.confidence,
          vulnerability: Number(form.vulnerability),
          consequence: Number(form.consequence),
        },
        marking,
      ),
    onSuccess: () => {
      setForm(emptyForm);
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const items = [...(threats.data?.items ?? [])].sort(
    (a, b) => Number(b.derived.riskScore ?? 0) - Number(a.derived.riskScore ?? 0),
  );

  return (
    <section className="page" aria-labelledby="threats-title">
      <h1 id="threats-title">Threat register</h1>
      <RiskNav />
      <p className="muted">
        Risk = threat (annual likelihood of an attempt) × vulnerability (probability it succeeds) ×
        consequence (dollars): an expected annual loss comparable with the NRI’s.
      </p>
      <ProblemNote error={threats.error} />
      <table className="risk-table" aria-label="Threats by risk">
        <thead>
          <tr>
            <th scope="col">Marking</th>
            <th scope="col">Threat</th>
            <th scope="col">Subject</th>
            <th scope="col" className="num">
              Threat
            </th>
            <th scope="col" className="num">
              Vulnerability
            </th>
            <th scope="col" className="num">
              Consequence
            </th>
            <th scope="col" className="num">
              Risk per year
            </th>
            <th scope="col">Source and confidence</th>
          </tr>
        </thead>
        <tbody>
          {items.map((record) => {
            const data = record.data as ThreatEntry;
            return (
              <tr key={record.id}>
                <td>
                  <TlpBadge tlp={record.marking.tlp} caveats={record.marking.caveats} />
                </td>
                <th scope="row">
                  {data.title}
                  <div className="muted">
                    {data.threatType} · {data.category}
                  </div>
                </th>
                <td data-testid="threat-subject">
                  {data.subject.kind === 'county' ? (
                    <Link to={`/risk/counties/${data.subject.stcofips}`}>
                      {countyName(data.subject.stcofips)}
                    </Link>
                  ) : (
                    <>
                      {data.subject.name}
                      {data.subject.stcofips ? (
                        <div className="muted">{countyName(data.subject.stcofips)}</div>
                      ) : null}
                    </>
                  )}
                </td>
                <td className="num">{data.likelihood}</td>
                <td className="num">{data.vulnerability}</td>
                <td className="num">{formatDollars(data.consequence)}</td>
                <td className="num">{formatDollars(Number(record.derived.riskScore ?? 0))}</td>
                <td>
                  {data.likelihoodSource} ({data.confidence})
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {user.roles.some((role) => riskWriters.includes(role)) ? (
        <form className="risk-form" onSubmit={submit} aria-labelledby="new-threat">
          <h2 id="new-threat">New threat</h2>
          <label>
            Title
            <input
              value={form.title}
              onChange={(e) => set('title')(e.target.value)}
              required
              maxLength={200}
            />
          </label>
          <div className="row">
            <label>
              Type
              <select value={form.threatType} onChange={(e) => set('threatType')(e.target.value)}>
                <option value="human-caused">Human-caused</option>
                <option value="technological">Technological</option>
              </select>
            </label>
            <label>
              Category
              <input
                value={form.category}
                onChange={(e) => set('category')(e.target.value)}
                required
                placeholder="active shooter"
              />
            </label>
            <label>
              Subject
              <select value={form.subjectKind} onChange={(e) => set('subjectKind')(e.target.value)}>
                <option value="county">County</option>
                <option value="asset">Asset</option>
              </select>
            </label>
            {form.subjectKind === 'asset' ? (
              <label>
                Asset name
                <input value={form.assetName} onChange={(e) => set('assetName')(e.target.value)} required />
              </label>
            ) : null}
            <label>
              County FIPS
              <input
                value={form.stcofips}
                onChange={(e) => set('stcofips')(e.target.value)}
                pattern="\d{5}"
                required={form.subjectKind === 'county'}
              />
            </label>
          </div>
          <div className="row">
            <label>
              Threat (0–1 per year)
              <input
                type="number"
                step="0.01"
                min="0"
                max="1"
                value={form.likelihood}
                onChange={(e) => set('likelihood')(e.target.value)}
                required
              />
            </label>
            <label>
              Vulnerability (0–1)
              <input
                type="number"
                step="0.01"
                min="0"
                max="1"
                value={form.vulnerability}
                onChange={(e) => set('vulnerability')(e.target.value)}
                required
              />
            </label>
            <label>
              Consequence ($)
              <input
                type="number"
                min="0"
                value={form.consequence}
                onChange={(e) => set('consequence')(e.target.value)}
                required
              />
            </label>
            <label>
              Confidence
              <select value={form.confidence} onChange={(e) => set('confidence')(e.target.value)}>
                <option value="low">Low</option>
                <option value="moderate">Moderate</option>
                <option value="high">High</option>
              </select>
            </label>
          </div>
          <label>
            Source of the likelihood
            <input
              value={form.likelihoodSource}
              onChange={(e) => set('likelihoodSource')(e.target.value)}
              required
            />
          </label>
          <MarkingPicker value={marking} onChange={setMarking} ownAgencyId={user.agencyId} />
          <ProblemNote error={create.error} />
          <button type="submit" className="button" disabled={create.isPending}>
            Add threat
          </button>
        </form>
      ) : null}
    </section>
  );
}
