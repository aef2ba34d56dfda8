import { useQuery } from '@tanstack/react-query';
import type { OptimizeProgress } from '@vigil/core/budget';
import { useEffect, useState } from 'react';
import { budgetClient, formatMoney } from './budget-client.ts';

const pollMs = 500;
const width = 320;
const height = 90;

type Point = { seconds: number; objective: number | null; bound: number | null };

/** The two lines of the search: the proven bound coming down, the best plan going up. */
function ConvergenceChart(props: { points: Point[]; timeLimit: number }) {
  const values = props.points.flatMap((p) => [p.objective, p.bound]).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  // Scale to the last bound: the first plans can be far below it and would flatten the picture.
  const top = Math.max(...values);
  const last = props.points.at(-1);
  const floor = Math.min(...values.filter((v) => v >= (last?.objective ?? top) * 0.9));
  const span = Math.max(top - floor, top * 1e-6);
  const x = (s: number) => (Math.min(s, props.timeLimit) / props.timeLimit) * (width - 8) + 4;
  const y = (v: number) => height - 6 - ((Math.max(v, floor) - floor) / span) * (height - 12);
  const line = (key: 'objective' | 'bound') =>
    props.points
      .filter((p) => p[key] !== null)
      .map((p) => `${x(p.seconds).toFixed(1)},${y(p[key] as number).toFixed(1)}`)
      .join(' ');
  return (
    <svg
      className="budget-convergence"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Search so far: best plan ${formatMoney(last?.objective ?? null)}, proven bound ${formatMoney(last?.bound ?? null)}`}
    >
      <polyline className="bound" points={line('bound')} fill="none" />
      <polyline className="best" points={line('objective')} fill="none" />
    </svg>
  );
}

/**
 * While the optimizer runs: how much of its time limit it has used, its best plan, the proven
 * bound and the gap, polled from the server twice a second, with the two lines drawn as they
 * close. Not announced live: a screen reader hears the result when it comes, not every tick.
 */
export function OptimizeProgressView(props: {
  id: string;
  /** The version this page shows: a solve of another version is someone else's. */
  version: number;
  active: boolean;
  /** Changes with each run asked for, so a new run never shows the last one's numbers. */
  runKey: number;
  timeLimit: number;
}) {
  const [points, setPoints] = useState<Point[]>([]);
  const [sawRunning, setSawRunning] = useState(false);
  const progress = useQuery({
    queryKey: ['budget', 'progress', props.id, props.version, props.runKey],
    queryFn: () => budgetClient.progress(props.id, props.version),
    enabled: props.active,
    refetchInterval: props.active ? pollMs : false,
    gcTime: 0,
  });
  const polled: OptimizeProgress | undefined = progress.data;
  // Another version's solve (a colleague's, before a save) is not this page's: wait behind it.
  const now = polled && polled.version !== null && polled.version !== props.version ? undefined : polled;
  const waiting = polled !== undefined && now === undefined;
  useEffect(() => {
    if (props.active) return;
    setPoints([]);
    setSawRunning(false);
  }, [props.active]);
  useEffect(() => {
    if (now?.state !== 'running' || now.seconds === null) return;
    setSawRunning(true);
    const point = { seconds: now.seconds, objective: now.objective, bound: now.bound };
    setPoints((all) => (all.at(-1)?.seconds === point.seconds ? all : [...all, point]));
  }, [now]);
  if (!props.active) return null;
  const limit = now?.time_limit ?? props.timeLimit;
  const used = now?.state === 'running' ? Math.min(now.seconds ?? 0, limit) : sawRunning ? limit : 0;
  const text =
    waiting || now?.state === 'queued'
      ? 'Waiting for the solver (other solves are ahead of this one)…'
      : now?.state === 'running'
        ? `${Math.round(used)} of ${limit} s · best plan ${formatMoney(now.objective)} · proven bound ${formatMoney(now.bound)} · gap ${now.gap === null ? '–' : `${(now.gap * 100).toFixed(3)} %`}`
        : sawRunning
          ? 'Search over: checking and saving the plan…'
          : 'Starting…';
  return (
    <section className="budget-progress" aria-labelledby="budget-progress-heading">
      <h2 id="budget-progress-heading">Optimizer at work</h2>
      <progress max={limit} value={used} aria-label="Solver time used" />
      <p data-testid="progress-text">{text}</p>
      <ConvergenceChart points={points} timeLimit={limit} />
      {points.length > 0 ? (
        <p className="budget-legend">
          <span className="key bound" aria-hidden="true" /> proven bound (no plan can beat it){' '}
          <span className="key best" aria-hidden="true" /> best plan found
        </p>
      ) : null}
    </section>
  );
}
