import { z } from 'zod';
import { defaultWebRoot } from './http/web-app.ts';

const configSchema = z.object({
  VIGIL_DATABASE_URL: z.string().min(1).default('sqlite:./var/vigil.db'),
  VIGIL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  VIGIL_HOST: z.string().min(1).default('127.0.0.1'),
  VIGIL_IDLE_TIMEOUT_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(15),
  VIGIL_SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 7)
    .default(12),
  VIGIL_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  VIGIL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIL_DEMO_PASSWORD: z.string().min(12).default('vigil-demo-2026'),
  VIGIL_STREAM_RECHECK_SECONDS: z.coerce.number().positive().max(3600).default(30),
  VIGIL_WEB_ROOT: z.string().min(1).optional(),
  VIGIL_CAP_TRUSTED_CERTS: z.string().min(1).optional(),
});

export type Config = {
  databaseUrl: string;
  port: number;
  host: string;
  idleTimeoutMs: number;
  sessionMaxMs: number;
  cookieSecure: boolean;
  logLevel: string;
  demoPassword: string;
  /** How often an open event stream re-checks its session, user and roles. */
  streamRecheckMs: number;
  /** The built web app to serve at `/`; the workspace's `packages/web/dist` unless set. */
  webRoot: string;
  /** PEM bundle of the certificates trusted to sign CAP alerts (XML-DSig); none: signers are not judged. */
  capTrustedCertsPath: string | null;
};

/** Reads the environment once at start-up; a bad value stops the start with the variable named. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`configuration: ${String(issue?.path.join('.'))}: ${issue?.message}`);
  }
  const c = parsed.data;
  return {
    databaseUrl: c.VIGIL_DATABASE_URL,
    port: c.VIGIL_PORT,
    host: c.VIGIL_HOST,
    idleTimeoutMs: c.VIGIL_IDLE_TIMEOUT_MINUTES * 60_000,
    sessionMaxMs: c.VIGIL_SESSION_MAX_HOURS * 3_600_000,
    cookieSecure: c.VIGIL_COOKIE_SECURE === 'true',
    logLevel: c.VIGIL_LOG_LEVEL,
    demoPassword: c.VIGIL_DEMO_PASSWORD,
    streamRecheckMs: c.VIGIL_STREAM_RECHECK_SECONDS * 1000,
    webRoot: c.VIGIL_WEB_ROOT ?? defaultWebRoot,
    capTrustedCertsPath: c.VIGIL_CAP_TRUSTED_CERTS ?? null,
  };
}
