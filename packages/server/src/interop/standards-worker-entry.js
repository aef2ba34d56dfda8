// Worker threads do not inherit a tsx registered through its API (bin/vigil.js): register it here,
// then load the TypeScript worker. Under `node --import tsx` this registration is a harmless repeat.
import { register } from 'tsx/esm/api';

register();
// After tsx, so that package .mjs files skip it (see platform/runtime/package-modules-hooks.js).
await import('../platform/runtime/load-package-modules-directly.js');
await import('./standards-worker.ts');
