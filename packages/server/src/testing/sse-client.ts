export type SseEvent = { id: string | null; event: string; data: unknown };

/**
 * A minimal EventSource for tests: reads a real text/event-stream over HTTP and
 * keeps every event, so tests can wait for one and assert on what never came.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  #controller = new AbortController();
  #waiters: (() => void)[] = [];
  #done: Promise<void> = Promise.resolve();

  static async connect(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', ...headers },
      signal: client.#controller.signal,
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`event stream answered ${response.status}: ${await response.text()}`);
    client.#done = client.#read(response.body);
    await client.waitFor((e) => e.event === 'ready');
    return client;
  }

  async #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.#parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted by close()
    }
  }

  #parse(frame: string): void {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of frame.split('\n')) {
      if (line.startsWith(':')) continue;
      const [field, ...rest] = line.split(':');
      const value = rest.join(':').replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) return;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // plain text data
    }
    this.events.push({ id, event, data: parsed });
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async waitFor(predicate: (event: SseEvent) => boolean, timeoutMs = 15_000): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `no matching event within ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => e.event))}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves when the server ends the stream (or `close()` is called). */
  ended(): Promise<void> {
    return this.#done;
  }

  entityIds(): string[] {
    return this.events.flatMap((e) => (e.id ? [(e.data as { entityId: string }).entityId] : []));
  }

  async close(): Promise<void> {
    this.#controller.abort();
    await this.#done;
  }
}
