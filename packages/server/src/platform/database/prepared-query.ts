import { type Compilable, CompiledQuery, type QueryResult, type RawBuilder } from 'kysely';
import type { Executor } from './transaction.ts';

/** One parameter's place while a query compiles; never sent to a database. */
class Slot {
  /** `index` is the position in a list value, null for a scalar. */
  constructor(
    readonly name: string,
    readonly index: number | null,
  ) {}
}

type Scalar = string | number | null;
/**
 * Named parameters: scalars, or lists for `in (…)` (a list's length is part of the
 * query's shape). An `undefined` value is absent: `build` gets no stand-in for it.
 */
type Values = Record<string, Scalar | readonly Scalar[] | undefined>;
/** What changes the SQL text besides list lengths: small literals, optional clauses. */
type Shape = Record<string, string | number | boolean>;

type Template = { sql: string; parameters: readonly unknown[] };

/**
 * A hot query that kysely builds and compiles once per shape and dialect, then runs
 * with each caller's parameters. Building and compiling cost far more than running most
 * of our queries (about 95 µs for the access-filtered bulletin select, against 13 µs to
 * run it).
 *
 * `build` never sees the caller's values: it receives stand-ins of the same kinds (a
 * list of as many stand-ins as the caller's list) that compile to parameters, and the
 * `shape`, which may change the text. So what is compiled cannot carry one caller's data
 * into another caller's query. `build` may branch on `shape` and on which values are
 * present (both are part of the cache key), never on a value itself. Define prepared
 * queries at module level, so `build` closes over nothing a request supplies.
 */
export function preparedQuery<V extends Values, S extends Shape, Row>(
  build: (db: Executor, values: V, shape: S) => Compilable<Row> | RawBuilder<Row>,
) {
  // Compiled text differs by dialect ($1 or ?): one cache per adapter class.
  const templates = new WeakMap<object, Map<string, Template>>();

  function templateFor(db: Executor, values: V, shape: S): Template {
    const adapter = db.getExecutor().adapter.constructor;
    let byShape = templates.get(adapter);
    if (!byShape) {
      byShape = new Map();
      templates.set(adapter, byShape);
    }
    let key = '';
    for (const name in shape) key += `${name}=${String(shape[name])};`;
    for (const name in values) {
      const value = values[name];
      if (value !== undefined) key += Array.isArray(value) ? `${name}[${value.length}];` : `${name};`;
    }
    let template = byShape.get(key);
    if (!template) {
      template = compileTemplate(db, values, shape);
      byShape.set(key, template);
    }
    return template;
  }

  function compileTemplate(db: Executor, values: V, shape: S): Template {
    const standIns: Record<string, Slot | Slot[]> = {};
    const slots: Slot[] = [];
    for (const name in values) {
      const value = values[name];
      if (value === undefined) continue;
      const standIn = Array.isArray(value) ? value.map((_, i) => new Slot(name, i)) : new Slot(name, null);
      standIns[name] = standIn;
      slots.push(...(Array.isArray(standIn) ? standIn : [standIn]));
    }
    const built = build(db, standIns as unknown as V, shape);
    const compiled = 'isRawBuilder' in built ? built.compile(db) : built.compile();
    // A value the query never binds is a mistake in the caller or in `build`.
    const bound = new Set(compiled.parameters.filter((p) => p instanceof Slot));
    const unbound = slots.find((slot) => !bound.has(slot));
    if (unbound) throw new Error(`prepared query: parameter ${unbound.name} is not bound`);
    return { sql: compiled.sql, parameters: compiled.parameters };
  }

  function parametersOf(template: Template, values: V): unknown[] {
    return template.parameters.map((p) => {
      if (!(p instanceof Slot)) return p;
      const value = values[p.name];
      return p.index === null ? value : (value as readonly Scalar[])[p.index];
    });
  }

  async function run(db: Executor, values: V, shape: S): Promise<QueryResult<Row>> {
    const template = templateFor(db, values, shape);
    return db.executeQuery(CompiledQuery.raw(template.sql, parametersOf(template, values))) as Promise<
      QueryResult<Row>
    >;
  }

  return {
    /** Runs it: rows, and for writes the number of affected rows. */
    run,
    async execute(db: Executor, values: V, shape: S): Promise<Row[]> {
      return (await run(db, values, shape)).rows;
    },
    async executeTakeFirst(db: Executor, values: V, shape: S): Promise<Row | undefined> {
      return (await run(db, values, shape)).rows[0];
    },
  };
}
