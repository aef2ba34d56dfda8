import type { Session } from '@vigil/core/users';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, vigilClient } from './vigil-client.ts';

/**
 * `locked`: the session ended under the user (idle timeout, expiry). The app shows the
 * sign-in form over the page they were on, and puts them back there after signing in.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'locked'; previous: Session['user'] }
  | { status: 'signed-in'; session: Session };

type SessionContextValue = {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider(props: { children: ReactNode; onSignedIn?: () => void }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    vigilClient.onSignedOut = () =>
      setState((current) =>
        current.status === 'signed-in' ? { status: 'locked', previous: current.session.user } : current,
      );
    vigilClient
      .currentSession()
      .then((session) => setState({ status: 'signed-in', session }))
      .catch(() => setState({ status: 'signed-out' }));
  }, []);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await vigilClient.signIn(email, password);
      setState({ status: 'signed-in', session });
      props.onSignedIn?.();
    },
    [props.onSignedIn],
  );

  const signOut = useCallback(async () => {
    await vigilClient.signOut().catch((error: unknown) => {
      if (!(error instanceof ApiError)) throw error;
    });
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in person; only for components rendered inside the signed-in layout. */
export function useSignedIn(): Session['user'] {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedIn while not signed in');
  return state.session.user;
}
