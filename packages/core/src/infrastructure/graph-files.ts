import { type AssetGraph, buildAssetGraph, type GraphAsset, type GraphEdge } from './asset-graph.ts';
import { CsvSyntaxError, readCsvRows } from './csv-text.ts';
import { type DependencyType, dependencyTypes, parseSector, sectorSlugs } from './sectors.ts';

export const nodeColumns = [
  'id',
  'sector',
  'type',
  'lat',
  'lon',
  'population_served',
  'backup_hours',
] as const;
export const edgeColumns = ['supplier', 'dependent', 'type', 'k'] as const;

/** A refusal that names the file, the line and the reason: `nodes.csv:12: duplicate id "S1"`. */
export class GraphFileError extends Error {
  override name = 'GraphFileError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

export type GraphNodeRow = GraphAsset & { type: string; lat: number; lon: number; line: number };
export type GraphEdgeRow = GraphEdge & { line: number };

type Columns<C extends readonly string[]> = Record<C[number], number>;

function* rowsOf<C extends readonly string[]>(
  text: string,
  file: string,
  columns: C,
): Generator<{ line: number; get: (column: C[number]) => string }> {
  let header: Columns<C> | null = null;
  try {
    for (const row of readCsvRows(text)) {
      if (!header) {
        const names = row.fields.map((f) => f.trim().toLowerCase());
        const found = {} as Columns<C>;
        for (const column of columns) {
          const at = names.indexOf(column);
          if (at < 0) {
            throw new GraphFileError(
              file,
              row.line,
              `missing column "${column}" (header needs ${columns.join(',')})`,
            );
          }
          found[column as C[number]] = at;
        }
        header = found;
        continue;
      }
      const fields = row.fields;
      const cols = header;
      yield { line: row.line, get: (column) => (fields[cols[column]] ?? '').trim() };
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new GraphFileError(file, error.line, error.reason);
    throw error;
  }
  if (!header) throw new GraphFileError(file, 1, `empty file (header needs ${columns.join(',')})`);
}

function numberField(file: string, line: number, column: string, text: string, min?: number): number {
  // Number('') is 0 and Number('0x1f') is 31: only plain decimal notation is a number here.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
    throw new GraphFileError(file, line, `${column} "${text}" is not a number`);
  }
  const value = Number(text);
  if (min !== undefined && value < min)
    throw new GraphFileError(file, line, `${column} ${text} is below ${min}`);
  return value;
}

/** `id,sector,type,lat,lon,population_served,backup_hours`; sector is a CISA sector slug or name. */
export function parseGraphNodes(text: string, file: string): GraphNodeRow[] {
  const nodes: GraphNodeRow[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, get } of rowsOf(text, file, nodeColumns)) {
    const id = get('id');
    if (id === '') throw new GraphFileError(file, line, 'empty id');
    const first = firstLine.get(id);
    if (first !== undefined)
      throw new GraphFileError(file, line, `duplicate id "${id}" (first on line ${first})`);
    firstLine.set(id, line);
    const sector = parseSector(get('sector'));
    if (!sector) {
      throw new GraphFileError(
        file,
        line,
        `unknown sector "${get('sector')}" (one of ${sectorSlugs.join(', ')})`,
      );
    }
    const lat = numberField(file, line, 'lat', get('lat'));
    const lon = numberField(file, line, 'lon', get('lon'));
    if (lat < -90 || lat > 90) throw new GraphFileError(file, line, `lat ${lat} is outside −90..90`);
    if (lon < -180 || lon > 180) throw new GraphFileError(file, line, `lon ${lon} is outside −180..180`);
    nodes.push({
      id,
      sector,
      type: get('type'),
      lat,
      lon,
      populationServed: numberField(file, line, 'population_served', get('population_served'), 0),
      backupHours: numberField(file, line, 'backup_hours', get('backup_hours'), 0),
      line,
    });
  }
  return nodes;
}

/** `supplier,dependent,type,k`; ids must be in the nodes file. */
export function parseGraphEdges(text: string, file: string, knownIds: ReadonlySet<string>): GraphEdgeRow[] {
  const edges: GraphEdgeRow[] = [];
  for (const { line, get } of rowsOf(text, file, edgeColumns)) {
    const supplier = get('supplier');
    const dependent = get('dependent');
    if (!knownIds.has(supplier)) throw new GraphFileError(file, line, `unknown supplier id "${supplier}"`);
    if (!knownIds.has(dependent)) throw new GraphFileError(file, line, `unknown dependent id "${dependent}"`);
    const type = get('type').toLowerCase();
    if (!(dependencyTypes as readonly string[]).includes(type)) {
      throw new GraphFileError(
        file,
        line,
        `unknown dependency type "${get('type')}" (one of ${dependencyTypes.join(', ')})`,
      );
    }
    const k = numberField(file, line, 'k', get('k'), 1);
    if (!Number.isInteger(k)) throw new GraphFileError(file, line, `k ${get('k')} is not a whole number`);
    edges.push({ supplier, dependent, type: type as DependencyType, k, line });
  }
  return edges;
}

/**
 * Reads both files into a graph, or throws a `GraphFileError` naming the first bad line:
 * malformed CSV, a missing column, a duplicate or unknown id, a non-numeric field, an unknown
 * sector or type, k larger than the suppliers of that type, a self-loop, a duplicate edge.
 */
export function readGraphFiles(
  nodes: { text: string; file: string },
  edges: { text: string; file: string },
): { assetGraph: AssetGraph; nodes: GraphNodeRow[]; edges: GraphEdgeRow[] } {
  const nodeRows = parseGraphNodes(nodes.text, nodes.file);
  const edgeRows = parseGraphEdges(edges.text, edges.file, new Set(nodeRows.map((n) => n.id)));
  const built = buildAssetGraph(nodeRows, edgeRows);
  if (!built.ok) {
    const problem = built.problems[0] as { asset?: number; edge?: number; reason: string };
    if (problem.edge !== undefined) {
      throw new GraphFileError(edges.file, (edgeRows[problem.edge] as GraphEdgeRow).line, problem.reason);
    }
    throw new GraphFileError(nodes.file, (nodeRows[problem.asset ?? 0] as GraphNodeRow).line, problem.reason);
  }
  return { assetGraph: built.value, nodes: nodeRows, edges: edgeRows };
}
