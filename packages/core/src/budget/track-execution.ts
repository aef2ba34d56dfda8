import { z } from 'zod';

/**
 * Execution of a funded plan: for each investment and source, the award (money granted),
 * obligations (contracts signed) and expenditures (money paid out), as a grants office
 * records them. Dates are ISO days; core reads no clock, so "today" comes from the caller.
 */
export const executionKinds = ['award', 'obligation', 'expenditure'] as const;
export type ExecutionKind = (typeof executionKinds)[number];

export const executionEntrySchema = z.strictObject({
  investment_id: z.string().trim().min(1).max(64),
  source_id: z.string().trim().min(1).max(64),
  kind: z.enum(executionKinds),
  amount: z.number().finite().positive().max(1e12),
  on: z.iso.date(),
  note: z.string().trim().max(500).optional(),
});
export type ExecutionEntry = z.infer<typeof executionEntrySchema>;

export type ExecutionLine = {
  investment_id: string;
  source_id: string;
  awarded: number;
  obligated: number;
  expended: number;
  /** Expended per day since the first award, in dollars. */
  burn_per_day: number;
  /** Days until the source's period of performance ends (negative: ended). */
  days_left: number | null;
  /** Dollars awarded but not yet spent that the current burn rate will not spend in time. */
  at_risk: number;
  warning: string | null;
};

export type ExecutionSummary = {
  as_of: string;
  lines: ExecutionLine[];
  totals: { awarded: number; obligated: number; expended: number; at_risk: number };
};

const day = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / day);

/**
 * Burn rate and lapse warnings. At the burn rate since the first award, will the rest of
 * the award be spent before the period of performance ends? What it will not spend is
 * at risk of lapsing (returned to the grantor). Unobligated money with under 90 days
 * left is flagged even when the burn rate looks sufficient, as grant managers do, since
 * contracts take time to sign.
 */
export function summarizeExecution(
  entries: readonly ExecutionEntry[],
  periods: ReadonlyMap<string, string | undefined>,
  asOf: string,
): ExecutionSummary {
  const lines = new Map<string, ExecutionLine & { firstAward: string | null }>();
  for (const entry of entries) {
    if (entry.on > asOf) continue;
    const key = `${entry.investment_id}\u0000${entry.source_id}`;
    const line = lines.get(key) ?? {
      investment_id: entry.investment_id,
      source_id: entry.source_id,
      awarded: 0,
      obligated: 0,
      expended: 0,
      burn_per_day: 0,
      days_left: null,
      at_risk: 0,
      warning: null,
      firstAward: null,
    };
    if (entry.kind === 'award') {
      line.awarded += entry.amount;
      if (line.firstAward === null || entry.on < line.firstAward) line.firstAward = entry.on;
    } else if (entry.kind === 'obligation') line.obligated += entry.amount;
    else line.expended += entry.amount;
    lines.set(key, line);
  }
  const out: ExecutionLine[] = [];
  for (const { firstAward, ...line } of lines.values()) {
    const end = periods.get(line.source_id);
    const elapsed = firstAward ? Math.max(1, days(firstAward, asOf)) : 1;
    line.burn_per_day = line.expended / elapsed;
    if (end) {
      line.days_left = days(asOf, end);
      const remaining = Math.max(0, line.awarded - line.expended);
      const spendable = line.burn_per_day * Math.max(0, line.days_left);
      line.at_risk = Math.max(0, remaining - spendable);
      const unobligated = Math.max(0, line.awarded - line.obligated);
      if (line.days_left < 0 && remaining > 0) {
        line.at_risk = remaining;
        line.warning = `period of performance ended ${-line.days_left} days ago with $${Math.round(remaining).toLocaleString('en-US')} unspent`;
      } else if (line.at_risk > 0) {
        line.warning = `at the current burn rate $${Math.round(line.at_risk).toLocaleString('en-US')} will lapse on ${end}`;
      } else if (unobligated > 0 && line.days_left <= 90) {
        line.warning = `$${Math.round(unobligated).toLocaleString('en-US')} still unobligated with ${line.days_left} days left`;
      }
    }
    if (line.expended > line.awarded + 0.005) line.warning = 'expenditures exceed the award';
    out.push(line);
  }
  out.sort((a, b) => b.at_risk - a.at_risk || a.investment_id.localeCompare(b.investment_id));
  const totals = out.reduce(
    (sum, line) => ({
      awarded: sum.awarded + line.awarded,
      obligated: sum.obligated + line.obligated,
      expended: sum.expended + line.expended,
      at_risk: sum.at_risk + line.at_risk,
    }),
    { awarded: 0, obligated: 0, expended: 0, at_risk: 0 },
  );
  return { as_of: asOf, lines: out, totals };
}
