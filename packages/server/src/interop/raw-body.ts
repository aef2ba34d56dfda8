import type { FastifyInstance } from 'fastify';

/** Outside documents may be larger than the API's 1 MiB JSON bodies; the readers' own limits apply after. */
export const interopBodyLimit = 4 * 1024 * 1024;

/**
 * Inside an interop scope every body arrives as raw bytes, whatever its type: the standards
 * readers (not fastify's JSON.parse, which keeps the last of duplicate keys) decide what it is.
 */
export function acceptRawBodies(scope: FastifyInstance): void {
  // On the routes too, so a refusal (413) names the limit that applies here, not the API's 1 MiB.
  scope.addHook('onRoute', (route) => {
    route.bodyLimit ??= interopBodyLimit;
  });
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: interopBodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );
}

export function bodyBytes(body: unknown): Uint8Array {
  return body instanceof Uint8Array ? body : new Uint8Array();
}
