// Module hooks (node:module register): ES modules shipped by packages (.mjs, or .js that
// Node's resolver already knows to be ES modules) are loaded as they are, ahead of tsx.
// tsx rewrites the dynamic imports of every plain module it loads; on libxml2-wasm's 960 KB
// .mjs (its WebAssembly is inside) that took 1.1 s at every start of the server, the CLI and
// each worker thread (0.1 s loaded directly), and 0.4 s on kysely's many small files.
// Packages ship plain JavaScript: nothing in them is for tsx to do. CommonJS and every file
// outside node_modules still go through tsx.
import { readFile } from 'node:fs/promises';

export async function load(url, context, nextLoad) {
  if (
    url.startsWith('file:') &&
    url.endsWith('.mjs') &&
    url.includes('/node_modules/') &&
    !url.includes('/node_modules/tsx/')
  ) {
    return { format: 'module', source: await readFile(new URL(url)), shortCircuit: true };
  }
  return nextLoad(url, context);
}
