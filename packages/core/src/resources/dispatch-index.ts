import { around, distance } from 'geokdbush';
import KDBush from 'kdbush';

/** What the index needs to know about one resource. `group` is the caller's visibility bucket (its marking). */
export type DispatchEntry = {
  id: string;
  resourceType: string;
  lon: number;
  lat: number;
  available: boolean;
  group: number;
};

export type NearestQuery = {
  /** The requested type first, then its substitutes; any order gives the same answer. */
  types: readonly string[];
  lon: number;
  lat: number;
  k: number;
  /** Which visibility groups the caller may see; absent = all. */
  accept?: (group: number) => boolean;
};

export type NearestHit = { id: string; resourceType: string; distanceKm: number };

/**
 * One resource type's points: a static kd-tree built at the last rebuild, plus a small
 * delta of points added or moved since, searched by brute force. A moved point's tree
 * entry is marked stale, never edited: kdbush trees are immutable.
 */
type Shard = {
  tree: KDBush | null;
  /** tree item → slot */
  slots: Int32Array;
  stale: Uint8Array;
  delta: Set<number>;
};

const initialCapacity = 1024;

/**
 * Nearest available resources of given types, under constant churn. Status changes flip a
 * byte that the tree search reads through its filter, so they count at once and cost O(1);
 * moves and new resources go to a per-type delta merged by brute force until the type's
 * tree is rebuilt (when its delta outgrows `512 + 5 %` of the tree). Answers are exact:
 * the k nearest by great-circle distance, ties broken by id, equal to a brute-force scan.
 * See docs/adr/0010-dispatch-index.md.
 */
export class DispatchIndex {
  #ids: string[] = [];
  #slotOf = new Map<string, number>();
  #lon = new Float64Array(initialCapacity);
  #lat = new Float64Array(initialCapacity);
  #available = new Uint8Array(initialCapacity);
  #group = new Int32Array(initialCapacity);
  /** Which shard a slot belongs to (-1 when removed) and where it sits in that shard's tree (-1: in the delta). */
  #shardOf = new Int32Array(initialCapacity);
  #treeItem = new Int32Array(initialCapacity);
  #shards: Shard[] = [];
  #shardIndex = new Map<string, number>();
  #typeNames: string[] = [];
  #rebuilds = 0;

  get size(): number {
    return this.#slotOf.size;
  }

  /** How many tree rebuilds happened (for tests and the benchmark's report). */
  get rebuilds(): number {
    return this.#rebuilds;
  }

  has(id: string): boolean {
    return this.#slotOf.has(id);
  }

  /** Loads many entries and builds every tree once: the fast way to start. */
  load(entries: Iterable<DispatchEntry>): void {
    for (const entry of entries) this.upsert(entry);
    for (let s = 0; s < this.#shards.length; s++) this.#rebuild(s);
  }

  /** Adds a resource or applies its new position, type, status or group. */
  upsert(entry: DispatchEntry): void {
    assertCoordinates(entry.lon, entry.lat);
    const shard = this.#shardFor(entry.resourceType);
    let slot = this.#slotOf.get(entry.id);
    if (slot === undefined) {
      slot = this.#ids.length;
      this.#grow(slot + 1);
      this.#ids.push(entry.id);
      this.#slotOf.set(entry.id, slot);
      this.#place(slot, shard, entry.lon, entry.lat);
    } else if (
      this.#shardOf[slot] !== shard ||
      this.#lon[slot] !== entry.lon ||
      this.#lat[slot] !== entry.lat
    ) {
      this.#detach(slot);
      this.#place(slot, shard, entry.lon, entry.lat);
    }
    this.#available[slot] = entry.available ? 1 : 0;
    this.#group[slot] = entry.group;
  }

  /** The hot path of status churn: one byte. Unknown ids are ignored (the caller reloads them). */
  setAvailable(id: string, available: boolean): boolean {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return false;
    this.#available[slot] = available ? 1 : 0;
    return true;
  }

  remove(id: string): void {
    const slot = this.#slotOf.get(id);
    if (slot === undefined) return;
    this.#detach(slot);
    this.#shardOf[slot] = -1;
    this.#available[slot] = 0;
    this.#slotOf.delete(id);
  }

  nearest(query: NearestQuery): NearestHit[] {
    if (!Number.isInteger(query.k) || query.k < 1) throw new RangeError('k must be a positive integer');
    assertCoordinates(query.lon, query.lat);
    const hits: { slot: number; d: number }[] = [];
    for (const type of new Set(query.types)) {
      const s = this.#shardIndex.get(type);
      if (s === undefined) continue;
      this.#maybeRebuild(s);
      this.#searchShard(s, query, hits);
    }
    hits.sort((a, b) => a.d - b.d || compareIds(this.#ids[a.slot] as string, this.#ids[b.slot] as string));
    return hits.slice(0, query.k).map((hit) => ({
      id: this.#ids[hit.slot] as string,
      resourceType: this.#typeNames[this.#shardOf[hit.slot] as number] as string,
      distanceKm: hit.d,
    }));
  }

  #searchShard(s: number, query: NearestQuery, out: { slot: number; d: number }[]): void {
    const shard = this.#shards[s] as Shard;
    const available = this.#available;
    const group = this.#group;
    const accept = query.accept;
    const usable = (slot: number) => available[slot] === 1 && (!accept || accept(group[slot] as number));
    const { lon, lat, k } = query;
    if (shard.tree) {
      const { tree, slots, stale } = shard;
      const predicate = (item: number) => stale[item] === 0 && usable(slots[item] as number);
      let items = around(tree, lon, lat, k + 1, Infinity, predicate);
      // `around` answers kdbush item ids (insertion order), which `slots` maps back to resources.
      if (items.length > k) {
        const dk = this.#distanceOf(slots[items[k - 1] as number] as number, lon, lat);
        const next = this.#distanceOf(slots[items[k] as number] as number, lon, lat);
        if (next === dk) {
          // A tie straddles the k-th place: take every point as far as the k-th so ties break by id.
          items = around(tree, lon, lat, Infinity, dk * (1 + 1e-9) + 1e-9, predicate).filter(
            (item) => this.#distanceOf(slots[item] as number, lon, lat) <= dk,
          );
        } else {
          items = items.slice(0, k);
        }
      }
      for (const item of items) {
        const slot = slots[item] as number;
        out.push({ slot, d: this.#distanceOf(slot, lon, lat) });
      }
    }
    for (const slot of shard.delta) {
      if (usable(slot)) out.push({ slot, d: this.#distanceOf(slot, lon, lat) });
    }
  }

  #distanceOf(slot: number, lon: number, lat: number): number {
    return distance(lon, lat, this.#lon[slot] as number, this.#lat[slot] as number);
  }

  #shardFor(type: string): number {
    let s = this.#shardIndex.get(type);
    if (s === undefined) {
      s = this.#shards.length;
      this.#shards.push({ tree: null, slots: new Int32Array(0), stale: new Uint8Array(0), delta: new Set() });
      this.#shardIndex.set(type, s);
      this.#typeNames.push(type);
    }
    return s;
  }

  #place(slot: number, shard: number, lon: number, lat: number): void {
    this.#lon[slot] = lon;
    this.#lat[slot] = lat;
    this.#shardOf[slot] = shard;
    this.#treeItem[slot] = -1;
    (this.#shards[shard] as Shard).delta.add(slot);
  }

  #detach(slot: number): void {
    const s = this.#shardOf[slot] as number;
    if (s < 0) return;
    const shard = this.#shards[s] as Shard;
    const item = this.#treeItem[slot] as number;
    if (item >= 0) shard.stale[item] = 1;
    else shard.delta.delete(slot);
    this.#treeItem[slot] = -1;
  }

  #maybeRebuild(s: number): void {
    const shard = this.#shards[s] as Shard;
    if (shard.delta.size > 512 + 0.05 * shard.slots.length) this.#rebuild(s);
  }

  #rebuild(s: number): void {
    const shard = this.#shards[s] as Shard;
    const members: number[] = [];
    for (let item = 0; item < shard.slots.length; item++) {
      if (shard.stale[item] === 0) members.push(shard.slots[item] as number);
    }
    for (const slot of shard.delta) members.push(slot);
    const slots = Int32Array.from(members);
    let tree: KDBush | null = null;
    if (slots.length > 0) {
      tree = new KDBush(slots.length, 64, Float64Array);
      for (const slot of slots) tree.add(this.#lon[slot] as number, this.#lat[slot] as number);
      tree.finish();
    }
    slots.forEach((slot, item) => {
      this.#treeItem[slot] = item;
    });
    this.#shards[s] = { tree, slots, stale: new Uint8Array(slots.length), delta: new Set() };
    this.#rebuilds++;
  }

  #grow(needed: number): void {
    if (needed <= this.#lon.length) return;
    let capacity = this.#lon.length;
    while (capacity < needed) capacity *= 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(from: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(from);
      return next;
    };
    this.#lon = grow(this.#lon, (n) => new Float64Array(n));
    this.#lat = grow(this.#lat, (n) => new Float64Array(n));
    this.#available = grow(this.#available, (n) => new Uint8Array(n));
    this.#group = grow(this.#group, (n) => new Int32Array(n));
    this.#shardOf = grow(this.#shardOf, (n) => new Int32Array(n));
    this.#treeItem = grow(this.#treeItem, (n) => new Int32Array(n));
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function assertCoordinates(lon: number, lat: number): void {
  if (!(lon >= -180 && lon <= 180) || !(lat >= -90 && lat <= 90)) {
    throw new RangeError(`not a longitude/latitude: ${lon}, ${lat}`);
  }
}

/** The reference answer the index must equal: scan everything. Used by tests and the benchmark's check. */
export function nearestByScan(entries: Iterable<DispatchEntry>, query: NearestQuery): NearestHit[] {
  const types = new Set(query.types);
  const hits: NearestHit[] = [];
  for (const entry of entries) {
    if (!types.has(entry.resourceType) || !entry.available) continue;
    if (query.accept && !query.accept(entry.group)) continue;
    hits.push({
      id: entry.id,
      resourceType: entry.resourceType,
      distanceKm: distance(query.lon, query.lat, entry.lon, entry.lat),
    });
  }
  hits.sort((a, b) => a.distanceKm - b.distanceKm || compareIds(a.id, b.id));
  return hits.slice(0, query.k);
}
