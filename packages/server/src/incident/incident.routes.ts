import {
  buildIcsForm,
  DomainError,
  icsForms,
  incidentCollections,
  incidentCreateSchema,
  incidentItemListSchema,
  incidentItemSchema,
  incidentListQuerySchema,
  incidentListSchema,
  incidentSchema,
  incidentTransitionSchema,
  incidentUpdateSchema,
  itemInputSchemas,
  itemUpdateSchemas,
  renderFormHtml,
} from '@vigil/core';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { listVisibleHistory } from '../platform/journal/history.store.ts';
import { historyEntrySchema, toHistoryEntry } from '../platform/journal/history-view.ts';
import {
  addIncidentItem,
  createIncident,
  listIncidentItems,
  listIncidents,
  loadIncidentForWork,
  readIncident,
  transitionIncident,
  updateIncident,
  updateIncidentItem,
} from './incident.actions.ts';
import { loadIncidentFile } from './incident-file.ts';
import { renderFormPdf } from './render-form-pdf.ts';

const id = z.string().min(1).max(64);
const idParams = z.strictObject({ id });
const collectionParams = z.strictObject({ id, collection: z.enum(incidentCollections) });
const itemParams = z.strictObject({ id, collection: z.enum(incidentCollections), itemId: id });
const formParams = z.strictObject({ id, form: z.enum(icsForms) });
const formQuery = z.strictObject({ format: z.enum(['html', 'pdf']).default('html'), item: id.optional() });
const tags = ['incidents'];

/** Parses an item body with its collection's schema, so a refusal names the field inside the body. */
function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || 'body';
  throw new DomainError('VALIDATION_FAILED', `${field}: ${issue?.message ?? 'invalid'}`, {
    field,
    details: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })),
  });
}

/** NIMS/ICS incidents: board, record, ICS organization and periods, logs, decisions, sitreps, forms. */
export function registerIncidentRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/incidents',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags,
        summary: 'Incidents the caller may see',
        querystring: incidentListQuerySchema,
        response: { 200: incidentListSchema },
      },
    },
    (request) => listIncidents(deps, principalOf(request).viewer, request.query),
  );
  app.post(
    '/api/v1/incidents',
    {
      config: { permission: 'incident.write' },
      schema: {
        tags,
        summary: 'Open a marked incident',
        body: incidentCreateSchema,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => {
      const incident = await createIncident(deps, principalOf(request).viewer, request.body);
      return reply.code(201).header('location', `/api/v1/incidents/${incident.id}`).send(incident);
    },
  );
  app.get(
    '/api/v1/incidents/:id',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags,
        summary: 'One incident (404 when absent or not visible)',
        params: idParams,
        response: { 200: incidentSchema },
      },
    },
    (request) => readIncident(deps, principalOf(request).viewer, request.params.id),
  );
  app.patch(
    '/api/v1/incidents/:id',
    {
      config: { permission: 'incident.write' },
      schema: {
        tags,
        summary: 'Edit an incident or its marking',
        params: idParams,
        body: incidentUpdateSchema,
        response: { 200: incidentSchema },
      },
    },
    (request) => updateIncident(deps, principalOf(request).viewer, request.params.id, request.body),
  );
  app.post(
    '/api/v1/incidents/:id/status',
    {
      config: { permission: 'incident.write' },
      schema: {
        tags,
        summary: 'Move the incident through its life cycle',
        params: idParams,
        body: incidentTransitionSchema,
        response: { 200: incidentSchema },
      },
    },
    (request) => transitionIncident(deps, principalOf(request).viewer, request.params.id, request.body),
  );
  app.get(
    '/api/v1/incidents/:id/history',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags,
        summary: 'Journal entries of an incident',
        params: idParams,
        response: { 200: z.object({ items: z.array(historyEntrySchema) }) },
      },
    },
    async (request) => {
      const viewer = principalOf(request).viewer;
      await loadIncidentForWork(deps, viewer, request.params.id);
      const entries = await listVisibleHistory(deps.database.db, viewer, 'incident', request.params.id);
      return { items: entries.map(toHistoryEntry) };
    },
  );
  app.get(
    '/api/v1/incidents/:id/forms/:form',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags,
        summary: 'ICS 201/202/204/209/213RR/214 as print-ready HTML or PDF',
        params: formParams,
        querystring: formQuery,
      },
    },
    async (request, reply) => {
      const file = await loadIncidentFile(deps, principalOf(request).viewer, request.params.id);
      const doc = buildIcsForm(request.params.form, file, request.query.item);
      const name = `${request.params.form}-${file.incident.number}${request.query.item ? `-${request.query.item.slice(0, 8)}` : ''}`;
      if (request.query.format === 'pdf') {
        const bytes = await renderFormPdf(doc);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(Buffer.from(bytes));
      }
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
        .send(renderFormHtml(doc));
    },
  );
  app.get(
    '/api/v1/incidents/:id/:collection',
    {
      config: { permission: 'incident.read' },
      schema: {
        tags,
        summary: 'Positions, periods, objectives, assignments, log, decisions or sitreps',
        params: collectionParams,
        response: { 200: incidentItemListSchema },
      },
    },
    async (request) => ({
      items: await listIncidentItems(
        deps,
        principalOf(request).viewer,
        request.params.id,
        request.params.collection,
      ),
    }),
  );
  app.post(
    '/api/v1/incidents/:id/:collection',
    {
      config: { permission: 'incident.write' },
      schema: {
        tags,
        summary: 'Add a position holder, period, objective, assignment, log entry, decision or sitrep',
        params: collectionParams,
        response: { 201: incidentItemSchema },
      },
    },
    async (request, reply) => {
      const { collection } = request.params;
      const body = parseWith(
        itemInputSchemas[collection] as z.ZodType<Record<string, unknown>>,
        request.body,
      );
      const item = await addIncidentItem(
        deps,
        principalOf(request).viewer,
        request.params.id,
        collection,
        body,
      );
      return reply.code(201).send(item);
    },
  );
  app.patch(
    '/api/v1/incidents/:id/:collection/:itemId',
    {
      config: { permission: 'incident.write' },
      schema: {
        tags,
        summary: 'Relieve a position, mark an objective, record a decision outcome',
        params: itemParams,
        response: { 200: incidentItemSchema },
      },
    },
    async (request) => {
      const { collection } = request.params;
      const change = parseWith(
        itemUpdateSchemas[collection] as z.ZodType<Record<string, unknown>>,
        request.body,
      );
      return updateIncidentItem(
        deps,
        principalOf(request).viewer,
        request.params.id,
        collection,
        request.params.itemId,
        change,
      );
    },
  );
}
