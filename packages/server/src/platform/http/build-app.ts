import fastifyCookie from '@fastify/cookie';
import { fastifySSE } from '@fastify/sse';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAgencyRoutes } from '../../agencies/index.ts';
import { registerBudgetRoutes } from '../../budget/index.ts';
import { registerBulletinRoutes } from '../../bulletins/index.ts';
import { registerIncidentRoutes } from '../../incident/index.ts';
import { registerInfrastructureRoutes } from '../../infrastructure/index.ts';
import { registerInteropRoutes, registerTaxiiRoutes } from '../../interop/index.ts';
import { registerResourceRoutes } from '../../resources/index.ts';
import { registerRiskRoutes } from '../../risk/index.ts';
import { registerUserRoutes } from '../../users/index.ts';
import { registerAuthRoutes } from '../auth/auth.routes.ts';
import { type AppDeps, authDepsOf } from '../deps.ts';
import { registerAuditRoutes } from '../journal/audit.routes.ts';
import { registerEventRoutes } from '../realtime/events.routes.ts';
import { installAccessControl } from './access-hook.ts';
import type { App } from './app-type.ts';
import { handleError, sendProblem } from './problem.ts';
import { isAppNavigation, registerWebApp, sendAppShell } from './web-app.ts';
import './route-config.ts';

export const bodyLimitBytes = 1024 * 1024;

/** Builds the HTTP application on explicit deps; `startServer` adds the listener, tests use `inject`. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    bodyLimit: bodyLimitBytes,
    logger: {
      level: deps.config.logLevel,
      // Secrets never reach the log, whatever a later serializer decides to include.
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    // Per-request lines only when debugging: an EOC's busy hour should not flood the log.
    logController: new LogController({
      disableRequestLogging: deps.config.logLevel !== 'debug' && deps.config.logLevel !== 'trace',
    }),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  let webServed = false;

  app.setValidatorCompiler(validatorCompiler);
  // Presenters already whitelist fields; plain JSON keeps reads fast. Schemas still feed OpenAPI.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    webServed && isAppNavigation(request)
      ? sendAppShell(reply)
      : sendProblem(reply, request, {
          title: 'Not found',
          status: 404,
          code: 'NOT_FOUND',
          detail: `no route ${request.method} ${request.url}`,
        }),
  );
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  // Open event streams would hold a shutdown forever: end them first, clients resume elsewhere.
  app.addHook('preClose', async () => deps.hub.disconnectAll());
  await app.register(fastifyCookie);
  await app.register(fastifySSE, { heartbeatInterval: 25_000 });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vigil API',
        version: '1',
        description: 'Operations platform for a homeland security office and its partners.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'vigil_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  installAccessControl(app, authDepsOf(deps));

  app.get(
    '/api/v1/health',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database engine',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) },
      },
    },
    async () => ({ status: 'ok' as const, database: deps.database.engine }),
  );
  app.get('/api/v1/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  webServed = await registerWebApp(app, deps.config.webRoot);
  if (!webServed) {
    // Without a built web app (`npm run build -w @vigil/web`) the root leads to the API documentation.
    app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.redirect('/api/docs'),
    );
  }

  registerAuthRoutes(app, deps);
  registerAgencyRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerBulletinRoutes(app, deps);
  registerIncidentRoutes(app, deps);
  registerResourceRoutes(app, deps);
  registerInfrastructureRoutes(app, deps);
  registerBudgetRoutes(app, deps);
  registerRiskRoutes(app, deps);
  registerEventRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerInteropRoutes(app, deps);
  registerTaxiiRoutes(app, deps);
  return app;
}
