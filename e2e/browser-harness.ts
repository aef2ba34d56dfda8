import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { createVigil, loadConfig, seedDemo, type Vigil } from '@vigil/server';
import { type Browser, chromium, type Page } from 'playwright-core';

/** A page in its own context (cookies apart, and axe-core needs one). */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

export const chromiumPath = '/usr/bin/chromium';
export const demoPassword = 'vigil-demo-2026';
const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/**
 * Browser tests need Debian's Chromium. Without it they skip with a message, except
 * in CI, where a missing browser is a failure (`.ci/run` installs it).
 */
export function browserSkipReason(): string | false {
  if (existsSync(chromiumPath)) return false;
  if (process.env.CI) throw new Error(`CI needs Chromium at ${chromiumPath}: apt-get install -y chromium`);
  return `no Chromium at ${chromiumPath} (apt-get install -y chromium); browser tests skipped`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type DemoServer = { base: string; vigil: Vigil; stop(): Promise<void> };

/**
 * The demo server and Chromium for the tests of one `describe`: started before them, stopped
 * after. Read `demo.server` and `demo.browser` inside the tests (they exist once `before` ran).
 */
export function demoBrowserSuite(env: Record<string, string> | (() => Record<string, string>) = {}): {
  readonly server: DemoServer;
  readonly browser: Browser;
} {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startDemoServer(typeof env === 'function' ? env() : env);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the demo ${what} is not started: use it inside a test`);
    return value;
  };
  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
  };
}

/** A real Vigil on a fresh SQLite file with the Virginia demo, serving the built web app. */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.js'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the web app did not build');
  const dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
  const config = loadConfig({
    VIGIL_DATABASE_URL: `sqlite:${join(dir, 'vigil.db')}`,
    VIGIL_LOG_LEVEL: 'silent',
    VIGIL_DEMO_PASSWORD: demoPassword,
    ...env,
  });
  const vigil = await createVigil(config);
  await seedDemo(vigil.deps, demoPassword);
  await vigil.app.listen({ port: 0, host: '127.0.0.1' });
  const address = vigil.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    base: `http://127.0.0.1:${address.port}`,
    vigil,
    async stop() {
      await vigil.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function signIn(
  page: Page,
  base: string,
  email: string,
  password = demoPassword,
): Promise<void> {
  await page.goto(`${base}/map`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * Where a test saves a screenshot: `var/screenshots/` (ignored by git) on every run, and
 * `docs/screenshots/` (the README's pictures) when VIGIL_UPDATE_SCREENSHOTS=1.
 */
export function screenshotPath(name: string): string {
  const folder = process.env.VIGIL_UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'var/screenshots';
  mkdirSync(join(repoRoot, folder), { recursive: true });
  return join(repoRoot, folder, name);
}

/** Fails on serious or critical accessibility violations (axe-core, WCAG 2.1 AA rules). */
export async function assertAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const report = serious.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
    throw new Error(`accessibility violations on ${where}:\n${report.join('\n')}`);
  }
}
