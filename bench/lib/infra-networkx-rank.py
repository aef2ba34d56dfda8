"""Brute-force single-point-of-failure ranking with networkx: the peer of `npm run bench -- infrastructure`.

Reads nodes.csv (id,population_served) and edges.csv (supplier,dependent) of a graph with plain
redundancy (one type, k = 1, acyclic). Losing asset x fails exactly what can no longer be reached
from the sources without passing through x, so for every x: remove x, search from a virtual root
over the sources, and count what was not reached. Prints the ranking CSV the way `vigil infra
rank` does (population, then assets, descending; then file order) and the seconds it took on stderr.
"""
import csv
import sys
import time

import networkx as nx

nodes_path, edges_path = sys.argv[1], sys.argv[2]
with open(nodes_path, newline='') as f:
    rows = list(csv.DictReader(f))
ids = [r['id'] for r in rows]
population = {r['id']: float(r['population_served']) for r in rows}
order = {node: i for i, node in enumerate(ids)}
graph = nx.DiGraph()
graph.add_nodes_from(ids)
with open(edges_path, newline='') as f:
    for r in csv.DictReader(f):
        graph.add_edge(r['supplier'], r['dependent'])
root = '__root__'
sources = [v for v in ids if graph.in_degree(v) == 0]
graph.add_edges_from((root, v) for v in sources)
total_population = sum(population.values())

started = time.perf_counter()
impacts = []
for x in ids:
    # Remove x, search, put x back: cheaper than a filtered view, and the same graph each time.
    predecessors = list(graph.predecessors(x))
    successors = list(graph.successors(x))
    graph.remove_node(x)
    reached = nx.descendants(graph, root)
    graph.add_edges_from((p, x) for p in predecessors)
    graph.add_edges_from((x, s) for s in successors)
    failed_population = total_population - sum(population[v] for v in reached)
    failed_assets = len(ids) - len(reached)
    impacts.append((x, failed_population, failed_assets))
elapsed = time.perf_counter() - started

impacts.sort(key=lambda t: (-t[1], -t[2], order[t[0]]))
out = ['id,impact_population,impact_assets']
out += [f'{x},{int(p) if p == int(p) else p},{a}' for x, p, a in impacts]
sys.stdout.write('\n'.join(out) + '\n')
sys.stderr.write(f'{elapsed}\n')
