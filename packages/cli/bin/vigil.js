#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step between a clone and a running Vigil.
import { register } from 'tsx/esm/api';

register();
// After tsx, so that package .mjs files skip it (libxml2's loads in 0.1 s instead of 1.1 s).
await import('@vigil/server/runtime/load-package-modules-directly');
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv);
