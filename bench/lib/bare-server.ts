/**
 * Server process of the read peer: a plain `fastify()` (no plugins, no hooks, no schema)
 * answering fixed JSON objects, each the exact body Vigil returned for the matching
 * read, so both sides serialize the same object per request. Forked by bench/api.ts.
 */
import Fastify from 'fastify';
import { parentMessage, tellParent } from './child.ts';
import type { BareInit, BareReady, Stop } from './protocol.ts';

async function main(): Promise<void> {
  const init = await parentMessage<BareInit>('init');
  const app = Fastify();
  for (const [path, json] of Object.entries(init.routes)) {
    const body: unknown = JSON.parse(json);
    app.get(path, async () => body);
  }
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= app.close().finally(() => {
      if (process.connected) process.disconnect();
    });
    return closing;
  };
  process.on('disconnect', () => void close());
  void parentMessage<Stop>('stop').then(close);

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  const ready: BareReady = { type: 'ready', port: address.port };
  tellParent(ready);
}

main().catch((error: unknown) => {
  console.error('bare fastify bench server:', error);
  process.exit(1);
});
