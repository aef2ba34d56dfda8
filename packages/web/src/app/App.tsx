import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { SessionProvider, useSession } from '../api/session.tsx';
import { ApiError } from '../api/vigil-client.ts';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { Layout } from './Layout.tsx';
import { Routes } from './Routes.tsx';

function Shell(props: { queryClient: QueryClient }) {
  const { state } = useSession();
  if (state.status === 'loading') return <p className="loading">Loading…</p>;
  if (state.status !== 'signed-in') {
    return <SignInPage locked={state.status === 'locked' ? state.previous : null} />;
  }
  return (
    <Layout queryClient={props.queryClient}>
      <Routes />
    </Layout>
  );
}

export function App() {
  const queryClient = useMemo(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // A signed-out answer is not worth retrying; the sign-in screen takes over.
            retry: (count, error) => !(error instanceof ApiError && error.problem.status < 500) && count < 2,
            staleTime: 30_000,
            refetchOnWindowFocus: false,
          },
        },
      }),
    [],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider onSignedIn={() => void queryClient.invalidateQueries()}>
        <Shell queryClient={queryClient} />
      </SessionProvider>
    </QueryClientProvider>
  );
}
