import type { Session } from '@vigil/core/users';
import { type FormEvent, useState } from 'react';
import { useSession } from '../../api/session.tsx';
import { ApiError } from '../../api/vigil-client.ts';

function describeSignInError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Vigil did not answer. Check the connection and try again.';
  switch (error.problem.code) {
    case 'INVALID_CREDENTIALS':
      return 'Wrong e-mail or password.';
    case 'ACCOUNT_LOCKED':
      return 'This account is locked after 5 failed sign-ins. Try again in 15 minutes, or ask an administrator.';
    case 'VALIDATION_FAILED':
      return error.problem.field === 'email'
        ? 'Enter your e-mail address.'
        : 'Enter your e-mail and password.';
    default:
      return error.problem.detail;
  }
}

/**
 * Sign-in, also shown over the page a user was on when the session locked (idle
 * timeout): the address stays, so signing in again puts them back where they were.
 */
export function SignInPage(props: { locked: Session['user'] | null }) {
  const { signIn } = useSession();
  const [email, setEmail] = useState(props.locked?.email ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email, password);
    } catch (caught) {
      setError(describeSignInError(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="signin" id="main">
      <form className="signin-form" onSubmit={(event) => void submit(event)} aria-labelledby="signin-title">
        <h1 id="signin-title">Vigil</h1>
        <p className="signin-sub">Operations platform of the homeland security office and its partners</p>
        {props.locked ? (
          <p className="notice" role="status">
            Your session ended after a period of inactivity. Sign in again to return to this page.
          </p>
        ) : null}
        <label htmlFor="signin-email">E-mail</label>
        <input
          id="signin-email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor="signin-password">Password</label>
        <input
          id="signin-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error ? (
          <p className="problem" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
