import { DomainError, type ErrorDetail, errorCodes } from '@vigil/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** RFC 9457 problem details, with Vigil's stable `code` and the failing `field`. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  field?: string;
  errors?: ErrorDetail[];
};

export const problemContentType = 'application/problem+json; charset=utf-8';

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<Problem, 'type' | 'instance'>,
) {
  const body: Problem = {
    type: `urn:vigil:problem:${problem.code.toLowerCase()}`,
    ...problem,
    instance: request.url,
  };
  return reply.code(problem.status).type(problemContentType).send(body);
}

/** `/marking/shareWith/0` → `marking.shareWith[0]`: the spelling a form or a partner's log understands. */
export function fieldFromPointer(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/**
 * The one place errors become HTTP answers. Domain errors keep their code, schema
 * failures name the field, fastify's own refusals get stable codes, and anything
 * unexpected is logged and answered without its stack.
 */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return sendProblem(reply, request, {
      title: titles[error.status] ?? 'Error',
      status: error.status,
      code: error.code,
      detail: error.message,
      ...(error.field ? { field: error.field } : {}),
      ...(error.details.length ? { errors: error.details } : {}),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext;
    const errors: ErrorDetail[] = error.validation.map((issue) => {
      const keys = (issue.params as { keys?: unknown }).keys;
      const base = fieldFromPointer(issue.instancePath);
      const unknownKey = Array.isArray(keys) && keys.length ? String(keys[0]) : null;
      const field = unknownKey
        ? base
          ? `${base}.${unknownKey}`
          : unknownKey
        : base || String(context ?? 'body');
      return { field, message: unknownKey ? `unknown field ${unknownKey}` : (issue.message ?? 'invalid') };
    });
    const first = errors[0] ?? { field: String(context ?? 'body'), message: 'invalid' };
    return sendProblem(reply, request, {
      title: titles[400] as string,
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: `${first.field}: ${first.message}`,
      field: first.field,
      errors,
    });
  }
  const fastifyError = error as FastifyError;
  const known: Record<string, [number, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: [413, 'PAYLOAD_TOO_LARGE'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
    FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'VALIDATION_FAILED'],
    FST_ERR_CTP_INVALID_JSON_BODY: [400, 'VALIDATION_FAILED'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'VALIDATION_FAILED'],
  };
  const mapped = fastifyError.code ? known[fastifyError.code] : undefined;
  if (mapped || (fastifyError.statusCode && fastifyError.statusCode < 500)) {
    const status = mapped?.[0] ?? (fastifyError.statusCode as number);
    const code =
      mapped?.[1] ?? (status === 406 ? 'NOT_ACCEPTABLE' : status === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED');
    return sendProblem(reply, request, {
      title: titles[status] ?? 'Error',
      status,
      code,
      detail:
        status === 413
          ? `request bodies here are limited to ${mebibytes(request)} MiB`
          : fastifyError.message,
      ...(status === 400 ? { field: 'body' } : {}),
    });
  }
  request.log.error({ err: error }, 'unexpected error');
  return sendProblem(reply, request, {
    title: titles[500] as string,
    status: errorCodes.INTERNAL,
    code: 'INTERNAL',
    detail: 'an unexpected error occurred; it has been logged',
  });
}

/** The route's own body limit (the budget file routes take more than the API's 1 MiB), in MiB. */
function mebibytes(request: FastifyRequest): string {
  const limit = request.routeOptions.bodyLimit ?? 1024 * 1024;
  return String(Math.round((limit / (1024 * 1024)) * 10) / 10);
}
