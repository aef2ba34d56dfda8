import { AgenciesAdmin } from './AgenciesAdmin.tsx';
import { UsersAdmin } from './UsersAdmin.tsx';

/** Agencies and people: administrators only (the server refuses everyone else anyway). */
export function AdminPage() {
  return (
    <section className="page admin" aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      <UsersAdmin />
      <AgenciesAdmin />
    </section>
  );
}
