#!/usr/bin/env node
// Runs one benchmark from bench/ through tsx: `npm run bench -- <name> [options]`.
// Without a name it lists the benchmarks; every top-level bench/<name>.ts is one.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const benchDir = join(root, 'bench');

/** The first line of the file's leading comment, shown next to its name. */
function describe(file) {
  const text = readFileSync(join(benchDir, file), 'utf8');
  const block = /^\s*\/\*([\s\S]*?)\*\//.exec(text)?.[1] ?? /^\s*\/\/(.*)/.exec(text)?.[1] ?? '';
  const lines = block.split('\n').map((line) => line.replace(/^\s*\**\s?/, '').trim());
  return lines.find((line) => line !== '') ?? '';
}

function available() {
  return readdirSync(benchDir)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((file) => ({ name: file.slice(0, -'.ts'.length), file }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function list(stream) {
  const benches = available();
  stream.write('usage: npm run bench -- <name> [options]   (options: npm run bench -- <name> --help)\n\n');
  stream.write('benchmarks:\n');
  const width = Math.max(0, ...benches.map((b) => b.name.length));
  for (const b of benches) stream.write(`  ${b.name.padEnd(width)}  ${describe(b.file)}\n`);
}

const [name, ...given] = process.argv.slice(2);
// `npm run bench -- api -- --rounds 3` passes a second `--` through: it separates nothing here.
const rest = given.filter((arg) => arg !== '--');
if (name === undefined || name === '--help' || name === '-h') {
  list(process.stdout);
  process.exit(0);
}
const bench = available().find((b) => b.name === name);
if (!bench) {
  process.stderr.write(`unknown benchmark "${name}"\n\n`);
  list(process.stderr);
  process.exit(2);
}

const fastPackages = pathToFileURL(
  join(root, 'packages/server/src/platform/runtime/load-package-modules-directly.js'),
).href;
const child = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', fastPackages, join('bench', bench.file), ...rest],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
// Ctrl-C reaches the child through the terminal's process group; a SIGTERM is passed on.
const ignore = () => {};
const forward = () => child.kill('SIGTERM');
process.on('SIGINT', ignore);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  process.off('SIGINT', ignore);
  process.off('SIGTERM', forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
