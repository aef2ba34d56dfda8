import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app-type.ts';

/** The built web application (`npm run build -w @vigil/web`), served at `/` in production. */
export const defaultWebRoot = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/**
 * The browser app's content security policy: everything from this origin only, so the
 * app works on an air-gapped network and injected markup cannot load or send anything.
 * MapLibre needs blob: workers and inline style attributes.
 */
export const webContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Answers true when the web app is being served; `/` then shows it, and unknown non-API paths fall back to it. */
export async function registerWebApp(app: App, webRoot: string): Promise<boolean> {
  if (!existsSync(join(webRoot, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: 'index.html', wildcard: true });
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) {
      reply.header('content-security-policy', webContentSecurityPolicy);
      // Hashed asset names change with every build; the page itself must always be fetched fresh.
      reply.header(
        'cache-control',
        request.url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
      );
    }
    return payload;
  });
  return true;
}

/** Client-side routes (`/bulletins/…`) reload into the app instead of a 404. */
export function isAppNavigation(request: FastifyRequest): boolean {
  return (
    request.method === 'GET' &&
    !request.url.startsWith('/api/') &&
    String(request.headers.accept ?? '').includes('text/html')
  );
}

export function sendAppShell(reply: FastifyReply) {
  return reply.type('text/html; charset=utf-8').sendFile('index.html');
}
