// Importing this file registers package-modules-hooks.js. Hooks registered last run first, so
// it is imported after tsx is registered (bin/vigil.js, the worker entries, `--import` in the
// test and bench runners); a second registration is harmless.
import { register } from 'node:module';

register('./package-modules-hooks.js', import.meta.url);
