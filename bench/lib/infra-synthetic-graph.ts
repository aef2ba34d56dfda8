import type { GraphArrays } from '@vigil/core/infrastructure';

/** A small seeded PRNG (mulberry32): the same graph on every run and machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic grid-like dependency graph with plain redundancy: `sources` generation assets,
 * then every other asset fed (electric power, k = 1) by distinct suppliers drawn from the
 * `window` assets numbered just before it, so supply is local, acyclic and nested like a real
 * network. In-degrees cycle through 1, 2, 4, 4, 9 (radial feeds next to meshed ones) and are
 * topped up by one at the start until the edge count is exactly `edges`. About one asset in
 * ten rides on a backup of 6 to 96 hours. Sectors and populations are random.
 */
export function buildSyntheticGraph(options: {
  nodes: number;
  edges: number;
  sources: number;
  window: number;
  seed: number;
}): GraphArrays {
  const { nodes: n, edges: m, sources, window } = options;
  const random = seededRandom(options.seed);
  const pattern = [1, 2, 4, 4, 9];
  const degree = new Int32Array(n);
  let total = 0;
  for (let v = sources; v < n; v++) {
    degree[v] = pattern[(v - sources) % pattern.length] as number;
    total += degree[v] as number;
  }
  for (let v = sources; total < m && v < n; v++) {
    degree[v] = (degree[v] as number) + 1;
    total++;
  }
  for (let v = n - 1; total > m && v >= sources; v--) {
    if ((degree[v] as number) > 1) {
      degree[v] = (degree[v] as number) - 1;
      total--;
      v++;
    }
  }
  const edgeSupplier = new Int32Array(m);
  const edgeDependent = new Int32Array(m);
  let e = 0;
  const picked: number[] = [];
  for (let v = sources; v < n; v++) {
    const low = Math.max(0, v - window);
    const span = v - low;
    const want = Math.min(degree[v] as number, span);
    picked.length = 0;
    while (picked.length < want) {
      const s = low + Math.floor(random() * span);
      if (!picked.includes(s)) picked.push(s);
    }
    for (const s of picked) {
      edgeSupplier[e] = s;
      edgeDependent[e] = v;
      e++;
    }
  }
  const sector = new Uint8Array(n);
  const population = new Float64Array(n);
  const backupHours = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    sector[v] = Math.floor(random() * 16);
    population[v] = Math.floor(random() * 5000);
    if (random() < 0.1) backupHours[v] = 6 * (1 + Math.floor(random() * 16));
  }
  return {
    nodeCount: n,
    sector,
    population,
    backupHours,
    edgeSupplier: edgeSupplier.subarray(0, e),
    edgeDependent: edgeDependent.subarray(0, e),
    edgeType: new Uint8Array(e),
    edgeK: new Int32Array(e).fill(1),
  };
}
