import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AgencyKind, agencyKinds } from '@vigil/core/agencies';
import { type FormEvent, useState } from 'react';
import { vigilClient } from '../../api/vigil-client.ts';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { ActiveToggle } from './ActiveToggle.tsx';

export function AgenciesAdmin() {
  const queryClient = useQueryClient();
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => vigilClient.listAgencies() });
  const [form, setForm] = useState({ name: '', kind: 'local' as AgencyKind, parentId: '', fips: '' });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['agencies'] });
  const create = useMutation({
    mutationFn: () =>
      vigilClient.createAgency({
        name: form.name,
        kind: form.kind,
        ...(form.parentId ? { parentId: form.parentId } : {}),
        jurisdiction: form.fips
          .split(',')
          .map((f) => f.trim())
          .filter(Boolean),
      }),
    onSuccess: () => {
      setForm({ name: '', kind: 'local', parentId: '', fips: '' });
      refresh();
    },
  });
  const setActive = useMutation({
    mutationFn: (input: { id: string; active: boolean }) =>
      vigilClient.updateAgency(input.id, { active: input.active }),
    onSuccess: refresh,
  });
  const nameOf = (id: string | null) => agencies.data?.items.find((a) => a.id === id)?.name ?? '—';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <section aria-labelledby="agencies-title">
      <h2 id="agencies-title">Agencies</h2>
      <form className="admin-form" onSubmit={submit} aria-label="Add an agency">
        <label>
          Name
          <input
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            required
            minLength={2}
          />
        </label>
        <label>
          Kind
          <select
            value={form.kind}
            onChange={(e) => setForm({ ...form, kind: e.target.value as AgencyKind })}
          >
            {agencyKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
        </label>
        <label>
          Parent
          <select value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.target.value })}>
            <option value="">None</option>
            {agencies.data?.items.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          FIPS codes
          <input
            value={form.fips}
            onChange={(e) => setForm({ ...form, fips: e.target.value })}
            placeholder="51, 51710"
          />
        </label>
        <button type="submit" disabled={create.isPending}>
          Add agency
        </button>
        <ProblemNote error={create.error} />
      </form>
      <table className="grid">
        <caption className="visually-hidden">Agencies</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Parent</th>
            <th scope="col">Jurisdiction (FIPS)</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {agencies.data?.items.map((agency) => (
            <tr key={agency.id}>
              <td>{agency.name}</td>
              <td>{agency.kind}</td>
              <td>{nameOf(agency.parentId)}</td>
              <td>{agency.jurisdiction.join(', ')}</td>
              <td>
                <ActiveToggle
                  active={agency.active}
                  name={agency.name}
                  onToggle={(active) => setActive.mutate({ id: agency.id, active })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ProblemNote error={setActive.error} />
    </section>
  );
}
