import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Role, roles, type UserAttribute, userAttributes } from '@vigil/core/access';
import { type FormEvent, useState } from 'react';
import { vigilClient } from '../../api/vigil-client.ts';
import { ProblemNote } from '../../ui/problem-note.tsx';
import { ActiveToggle } from './ActiveToggle.tsx';

const emptyForm = {
  email: '',
  displayName: '',
  password: '',
  agencyId: '',
  roles: [] as Role[],
  attributes: [] as UserAttribute[],
};

function toggled<T>(list: T[], item: T, on: boolean): T[] {
  return on ? [...list, item] : list.filter((x) => x !== item);
}

export function UsersAdmin() {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => vigilClient.listUsers() });
  const agencies = useQuery({ queryKey: ['agencies'], queryFn: () => vigilClient.listAgencies() });
  const [form, setForm] = useState(emptyForm);
  const [created, setCreated] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });
  const create = useMutation({
    mutationFn: () =>
      vigilClient.createUser({
        email: form.email,
        password: form.password,
        agencyId: form.agencyId,
        roles: form.roles,
        attributes: form.attributes,
        ...(form.displayName ? { displayName: form.displayName } : {}),
      }),
    onSuccess: (user) => {
      setCreated(`Created ${user.email}.`);
      setForm(emptyForm);
      refresh();
    },
  });
  const setActive = useMutation({
    mutationFn: (input: { id: string; active: boolean }) =>
      vigilClient.updateUser(input.id, { active: input.active }),
    onSuccess: refresh,
  });
  const agencyName = (id: string) => agencies.data?.items.find((a) => a.id === id)?.name ?? id;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  };
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <form className="admin-form" onSubmit={submit} aria-label="Add a user">
        <label>
          E-mail
          <input
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.target.value })}
            required
          />
        </label>
        <label>
          Name
          <input
            value={form.displayName}
            onChange={(e) => setForm({ ...form, displayName: e.target.value })}
          />
        </label>
        <label>
          Initial password
          <input
            type="password"
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            required
            minLength={12}
          />
        </label>
        <label>
          Agency
          <select
            value={form.agencyId}
            onChange={(e) => setForm({ ...form, agencyId: e.target.value })}
            required
          >
            <option value="">Choose…</option>
            {agencies.data?.items
              .filter((a) => a.active)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </select>
        </label>
        <fieldset>
          <legend>Roles</legend>
          {roles.map((role) => (
            <span key={role} className="choice-inline">
              <input
                id={`role-${role}`}
                type="checkbox"
                checked={form.roles.includes(role)}
                onChange={(e) => setForm({ ...form, roles: toggled(form.roles, role, e.target.checked) })}
              />
              <label htmlFor={`role-${role}`}>{role}</label>
            </span>
          ))}
        </fieldset>
        <fieldset>
          <legend>Attributes</legend>
          {userAttributes.map((attribute) => (
            <span key={attribute} className="choice-inline">
              <input
                id={`attribute-${attribute}`}
                type="checkbox"
                checked={form.attributes.includes(attribute)}
                onChange={(e) =>
                  setForm({ ...form, attributes: toggled(form.attributes, attribute, e.target.checked) })
                }
              />
              <label htmlFor={`attribute-${attribute}`}>{attribute}</label>
            </span>
          ))}
        </fieldset>
        <button type="submit" disabled={create.isPending}>
          Add user
        </button>
        <ProblemNote error={create.error} />
        {created ? (
          <p className="notice" role="status">
            {created}
          </p>
        ) : null}
      </form>
      <table className="grid">
        <caption className="visually-hidden">Users</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Agency</th>
            <th scope="col">Roles</th>
            <th scope="col">Attributes</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.items.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>{agencyName(user.agencyId)}</td>
              <td>{user.roles.join(', ')}</td>
              <td>{user.attributes.join(', ') || '—'}</td>
              <td>
                <ActiveToggle
                  active={user.active}
                  name={user.email}
                  onToggle={(active) => setActive.mutate({ id: user.id, active })}
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
