/** Milliseconds on a monotonic clock, such as `performance.now`. */
export type Clock = () => number;

/** Seconds since a solve began, and a place to count the solver's own time. */
export type SolveTimer = {
  seconds(): number;
  /** Adds what a solver run took by its own timer (used when no clock was passed). */
  spent(seconds: number): void;
};

/**
 * Core reads no clock (DESIGN.md): the server, CLI and bench pass one. Without it the elapsed
 * time is the sum of the solver runs' own timings (HiGHS times itself to keep its time
 * limit), which leaves out building the models and checking the plan around them: fit for
 * tests and scripts, while everything that keeps a user's time limit passes its clock.
 */
export function startSolveTimer(clock?: Clock): SolveTimer {
  const started = clock?.();
  let solverSeconds = 0;
  return {
    seconds: () => (clock && started !== undefined ? (clock() - started) / 1000 : solverSeconds),
    spent: (seconds) => {
      solverSeconds += seconds;
    },
  };
}
