#!/usr/bin/env node
// Runs every *.test.ts of core, server and cli in node's test runner (through tsx),
// then the web package's vitest suite. Node 20 takes no glob, so we list the files.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const packages = ['core', 'server', 'cli'];

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// `--postgres` runs the store tests on PostgreSQL too, on the local server unless VIGIL_TEST_POSTGRES_URL says otherwise.
if (process.argv.includes('--postgres')) {
  process.env.VIGIL_TEST_POSTGRES_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
}
// Browser tests (e2e/) drive Debian's Chromium against a real server and the built web app.
const dirs = [...packages.map((p) => join(root, 'packages', p, 'src')), join(root, 'e2e')];
let files = dirs.flatMap((dir) => findTests(dir)).map((f) => relative(root, f));
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const node = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    // After tsx: package .mjs files skip it (libxml2's loads in 0.1 s instead of 1.1 s per test process).
    '--import',
    pathToFileURL(join(root, 'packages/server/src/platform/runtime/load-package-modules-directly.js')).href,
    '--test',
    '--test-force-exit',
    '--test-timeout=300000',
    '--test-concurrency=2',
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (node.status !== 0) process.exit(node.status ?? 1);

if (only.length === 0) {
  const web = spawnSync('npm', ['run', '--silent', '--workspace', '@vigil/web', 'test'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (web.status !== 0) process.exit(web.status ?? 1);
}
