import type { Bulletin, BulletinCreate, BulletinList, BulletinListQuery } from '@vigil/core';

/** The problem+json body every failing API call answers (RFC 9457 with Vigil's `code` and `field`). */
export type Problem = { status: number; code: string; detail: string; field?: string; title: string };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The browser's typed client: same contracts as the server (from @vigil/core), the
 * session cookie rides along, and state changes carry the CSRF token from sign-in.
 */
export class VigilClient {
  #csrfToken: string | null = null;
  constructor(
    private readonly fetchImpl: Fetch,
    private readonly base = '',
  ) {}

  async signIn(
    email: string,
    password: string,
  ): Promise<{ user: { id: string; email: string; agencyId: string } }> {
    const session = await this.#call<{
      user: { id: string; email: string; agencyId: string };
      csrfToken: string;
    }>('POST', '/api/v1/auth/login', { email, password });
    this.#csrfToken = session.csrfToken;
    return session;
  }

  listBulletins(query: Partial<BulletinListQuery> = {}): Promise<BulletinList> {
    const params = new URLSearchParams(
      Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
    );
    const suffix = params.size ? `?${params}` : '';
    return this.#call('GET', `/api/v1/bulletins${suffix}`);
  }

  createBulletin(input: BulletinCreate): Promise<Bulletin> {
    return this.#call('POST', '/api/v1/bulletins', input);
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.#csrfToken) headers['x-csrf-token'] = this.#csrfToken;
    const response = await this.fetchImpl(`${this.base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const payload = response.status === 204 ? null : await response.json();
    if (!response.ok) throw new ApiError(payload as Problem);
    return payload as T;
  }
}
