import type { App } from '../platform/http/app-type.ts';
import { testPassword } from './test-vigil.ts';

export type TestResponse = {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
  json<T = Record<string, unknown>>(): T;
};

/**
 * A signed-in person talking to the app through fastify's inject (no socket):
 * keeps the session cookie and sends the CSRF token on state changes, as the web app does.
 */
export class TestClient {
  cookie = '';
  csrfToken = '';
  constructor(readonly app: App) {}

  static async signIn(app: App, email: string, password = testPassword): Promise<TestClient> {
    const client = new TestClient(app);
    const response = await client.request('POST', '/api/v1/auth/login', { email, password });
    if (response.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return client;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
    const setCookie = response.cookies.find((c) => c.name === 'vigil_session');
    if (setCookie) this.cookie = `vigil_session=${setCookie.value}`;
    const body = response.body
      ? response.headers['content-type']?.toString().includes('json')
        ? response.json()
        : response.body
      : null;
    if (url === '/api/v1/auth/login' && response.statusCode === 200)
      this.csrfToken = (body as { csrfToken: string }).csrfToken;
    return { status: response.statusCode, headers: response.headers, body, json: <T>() => body as T };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload ?? {});
  }
  patch(url: string, payload: unknown) {
    return this.request('PATCH', url, payload);
  }
}
