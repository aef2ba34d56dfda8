import { DomainError, formatTlp, tlpLabelSchema } from '@vigil/core';
import type { CapAlert, CapVerdict } from '@vigil/core/standards/cap';
import type { EdxlDistribution, ResourceRequest } from '@vigil/core/standards/edxl';
import { readJson, type StixBundleVerdict } from '@vigil/core/standards/stix';
import { z } from 'zod';
import type { AppDeps } from '../platform/deps.ts';
import type { App } from '../platform/http/app-type.ts';
import { principalOf } from '../platform/http/route-config.ts';
import { type CapTrustStore, judgeCapSigners, loadCapTrustStore } from './cap-signer-trust.ts';
import { registerCollectionBrowseRoutes } from './collection-browse.routes.ts';
import { exportVisibleStix } from './export-visible-stix.ts';
import {
  collectionCreateSchema,
  collectionFor,
  createCollection,
  importStixBundle,
  ingestCapAlerts,
  loadCapAlert,
} from './interop.actions.ts';
import { listVisibleCapAlerts } from './interop.store.ts';
import { acceptRawBodies, bodyBytes } from './raw-body.ts';
import { standardsPool } from './standards-pool.ts';

const tags = ['interop'];
const flag = z.enum(['true', 'false']).optional();
const capQuery = z.strictObject({ strict: flag, ipaws: flag, tlp: tlpLabelSchema.optional() });

/** What a client sees of a CAP verdict: the alert model is included, the XML is fetched separately. */
function presentVerdict(verdict: CapVerdict) {
  return {
    valid: verdict.valid,
    location: verdict.location,
    version: verdict.version,
    identifier: verdict.identifier,
    sender: verdict.sender,
    errors: verdict.errors,
    warnings: verdict.warnings,
    signature: verdict.signature,
  };
}

function presentStix(verdict: StixBundleVerdict) {
  return {
    bundleId: verdict.bundleId,
    valid: verdict.valid,
    errors: verdict.errors,
    objects: verdict.objects.map((o) => ({
      id: o.id,
      type: o.type,
      version: o.version,
      valid: o.valid,
      tlp: o.tlp ?? null,
      errors: o.errors,
      warnings: o.warnings,
    })),
  };
}

/** What a list shows of an alert without fetching its XML: headline and languages of its info blocks. */
function capSummary(alertJson: string) {
  const alert = JSON.parse(alertJson) as CapAlert;
  return {
    scope: alert.scope,
    headline: alert.info.find((i) => i.headline)?.headline ?? '',
    languages: alert.info.map((i) => i.language ?? 'en-US'),
    areas: [...new Set(alert.info.flatMap((i) => i.area.map((a) => a.areaDesc)))],
  };
}

async function checkCap(
  bytes: Uint8Array,
  query: z.infer<typeof capQuery>,
  trust: CapTrustStore,
  at: Date,
): Promise<CapVerdict[]> {
  const verdicts = await standardsPool().run<CapVerdict[]>({
    kind: 'cap',
    bytes,
    strict: query.strict !== 'false',
    ipaws: query.ipaws === 'true',
  });
  return judgeCapSigners(verdicts, trust, at);
}

/**
 * REST for the standards: validate without storing, ingest CAP, import STIX into a collection,
 * export STIX, unwrap EDXL-DE. Bodies are raw documents (XML or JSON) read in a worker thread.
 */
export function registerInteropRoutes(app: App, deps: AppDeps): void {
  const trust = loadCapTrustStore(deps.config.capTrustedCertsPath);
  app.register(async (scope) => {
    acceptRawBodies(scope);
    const api = scope as unknown as App;

    api.post(
      '/api/v1/interop/cap/validate',
      {
        config: { permission: 'interop.read' },
        schema: { tags, summary: 'Validate CAP (alert, <alerts> batch, EDXL-DE)', querystring: capQuery },
      },
      async (request) => ({
        verdicts: (await checkCap(bodyBytes(request.body), request.query, trust, deps.now())).map(
          presentVerdict,
        ),
      }),
    );

    api.post(
      '/api/v1/interop/cap',
      {
        config: { permission: 'interop.write' },
        schema: { tags, summary: 'Ingest CAP alerts as marked records', querystring: capQuery },
      },
      async (request, reply) => {
        const verdicts = await checkCap(bodyBytes(request.body), request.query, trust, deps.now());
        const stored = await ingestCapAlerts(deps, principalOf(request).viewer, verdicts, request.query.tlp);
        return reply.code(201).send({ stored, verdicts: verdicts.map(presentVerdict) });
      },
    );

    api.get(
      '/api/v1/interop/cap',
      {
        config: { permission: 'interop.read' },
        schema: {
          tags,
          summary: 'CAP alerts the caller may see',
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        },
      },
      async (request) => {
        const rows = await listVisibleCapAlerts(
          deps.database.db,
          principalOf(request).viewer,
          request.query.limit,
        );
        return {
          items: rows.map((r) => ({
            id: r.id,
            identifier: r.identifier,
            sender: r.sender,
            sent: r.sent,
            msgType: r.msg_type,
            status: r.status,
            event: r.event,
            ...capSummary(r.alert_json),
            signature: r.signature_status,
            marking: { tlp: r.tlp, label: formatTlp(r.tlp as 'CLEAR') },
            receivedAt: r.received_at,
          })),
        };
      },
    );

    api.get(
      '/api/v1/interop/cap/:file',
      {
        config: { permission: 'interop.read' },
        schema: {
          tags,
          summary: 'A received alert as canonical CAP 1.2 XML (`{id}.xml`)',
          params: z.strictObject({ file: z.string().regex(/^[0-9a-f-]{36}\.xml$/) }),
        },
      },
      async (request, reply) => {
        const row = await loadCapAlert(deps, principalOf(request).viewer, request.params.file.slice(0, -4));
        // Loaded on first use: the CAP module brings libxml2 (WebAssembly), which the main thread otherwise never needs.
        const { emitCapAlert } = await import('@vigil/core/standards/cap');
        return reply
          .type('application/cap+xml; charset=utf-8')
          .header('x-tlp', formatTlp(row.tlp as 'CLEAR'))
          .send(emitCapAlert(JSON.parse(row.alert_json) as CapAlert));
      },
    );

    api.post(
      '/api/v1/interop/stix/validate',
      {
        config: { permission: 'interop.read' },
        schema: { tags, summary: 'Validate a STIX 2.1 bundle against the OASIS schemas and the spec rules' },
      },
      async (request) =>
        presentStix(
          await standardsPool().run<StixBundleVerdict>({ kind: 'stix', bytes: bodyBytes(request.body) }),
        ),
    );

    api.post(
      '/api/v1/interop/stix',
      {
        config: { permission: 'interop.write' },
        schema: {
          tags,
          summary: 'Import a STIX 2.1 bundle into a TAXII collection',
          querystring: z.strictObject({ collection: z.string().min(1).max(100) }),
        },
      },
      async (request, reply) => {
        const viewer = principalOf(request).viewer;
        const collection = await collectionFor(deps, viewer, request.query.collection);
        const verdict = await standardsPool().run<StixBundleVerdict>({
          kind: 'stix',
          bytes: bodyBytes(request.body),
        });
        if (verdict.errors.length) {
          throw new DomainError('VALIDATION_FAILED', 'the bundle itself is malformed', {
            details: verdict.errors.map((e) => ({ field: e.path || 'body', message: e.message })),
          });
        }
        return reply.code(201).send(await importStixBundle(deps, viewer, collection, verdict));
      },
    );

    api.get(
      '/api/v1/interop/stix/export',
      {
        config: { permission: 'interop.read' },
        schema: {
          tags,
          summary: 'STIX 2.1 bundle of what the caller may see',
          querystring: z.strictObject({ type: z.string().max(2000).optional() }),
        },
      },
      async (request) => {
        const types = (request.query.type ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        return exportVisibleStix(deps, principalOf(request).viewer, types);
      },
    );

    api.post(
      '/api/v1/interop/edxl/unwrap',
      {
        config: { permission: 'interop.read' },
        schema: { tags, summary: 'Read an EDXL-DE envelope and check what it carries' },
      },
      async (request) => {
        const result = await standardsPool().run<{
          distribution: EdxlDistribution;
          cap: (CapVerdict[] | null)[];
          rm: ({ request: ResourceRequest } | null)[];
        }>({ kind: 'edxl', bytes: bodyBytes(request.body) });
        return {
          ...result.distribution,
          payloads: result.distribution.payloads.map((payload, i) => ({
            ...payload,
            cap: result.cap[i] ? judgeCapSigners(result.cap[i], trust, deps.now()).map(presentVerdict) : null,
            resourceRequest: result.rm[i]?.request ?? null,
          })),
        };
      },
    );

    registerCollectionBrowseRoutes(api, deps);

    api.post(
      '/api/v1/interop/collections',
      {
        config: { permission: 'interop.admin' },
        schema: { tags, summary: 'Create a TAXII collection with per-agency read/write' },
      },
      async (request, reply) => {
        const parsed = collectionCreateSchema.safeParse(readJson(bodyBytes(request.body)));
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new DomainError('VALIDATION_FAILED', issue?.message ?? 'invalid', {
            field: issue?.path.join('.') || 'body',
          });
        }
        const id = await createCollection(deps, principalOf(request).viewer, parsed.data);
        return reply.code(201).send({ id });
      },
    );
  });
}
