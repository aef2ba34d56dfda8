import type { Agency, AgencyCreate, AgencyUpdate } from '@vigil/core/agencies';
import type {
  Bulletin,
  BulletinCreate,
  BulletinList,
  BulletinListQuery,
  BulletinUpdate,
} from '@vigil/core/bulletins';
import type { Session, User, UserCreate, UserUpdate } from '@vigil/core/users';

/** The problem+json body every failing API call answers (RFC 9457 with Vigil's `code` and `field`). */
export type Problem = { status: number; code: string; detail: string; field?: string; title: string };

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }

  /** The session is gone (idle lock, expiry, sign-out elsewhere): the app asks to sign in again. */
  get isSignedOut(): boolean {
    return ['AUTHENTICATION_REQUIRED', 'SESSION_EXPIRED'].includes(this.problem.code);
  }
}

export type HistoryEntry = {
  seq: number;
  at: string;
  action: string;
  kind: string;
  actorUserId: string | null;
  actorAgencyId: string | null;
  change: unknown;
  tlp: string | null;
  hash: string;
};

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The browser's typed client: the same contracts as the server (from @vigil/core), the
 * session cookie rides along, and state changes carry the CSRF token from sign-in.
 */
export class VigilClient {
  #csrfToken: string | null = null;
  /** Told whenever the server says the session is gone. */
  onSignedOut: () => void = () => {};

  constructor(
    private readonly fetchImpl: Fetch,
    private readonly base = '',
  ) {}

  async signIn(email: string, password: string): Promise<Session> {
    const session = await this.#call<Session>(
      'POST',
      '/api/v1/auth/login',
      { email, password },
      { quiet: true },
    );
    this.#csrfToken = session.csrfToken;
    return session;
  }

  /** Restores a session after a reload (the cookie survives; the CSRF token comes back with it). */
  async currentSession(): Promise<Session> {
    const session = await this.#call<Session>('GET', '/api/v1/auth/session', undefined, { quiet: true });
    this.#csrfToken = session.csrfToken;
    return session;
  }

  async signOut(): Promise<void> {
    await this.#call('POST', '/api/v1/auth/logout', undefined, { quiet: true });
    this.#csrfToken = null;
  }

  listBulletins(query: Partial<BulletinListQuery> = {}): Promise<BulletinList> {
    const params = new URLSearchParams(
      Object.entries(query).flatMap(([key, value]) =>
        value === undefined || value === '' ? [] : [[key, String(value)]],
      ),
    );
    const suffix = params.size ? `?${params}` : '';
    return this.#call('GET', `/api/v1/bulletins${suffix}`);
  }

  getBulletin(id: string): Promise<Bulletin> {
    return this.#call('GET', `/api/v1/bulletins/${encodeURIComponent(id)}`);
  }

  bulletinHistory(id: string): Promise<{ items: HistoryEntry[] }> {
    return this.#call('GET', `/api/v1/bulletins/${encodeURIComponent(id)}/history`);
  }

  createBulletin(input: BulletinCreate): Promise<Bulletin> {
    return this.#call('POST', '/api/v1/bulletins', input);
  }

  updateBulletin(id: string, input: BulletinUpdate): Promise<Bulletin> {
    return this.#call('PATCH', `/api/v1/bulletins/${encodeURIComponent(id)}`, input);
  }

  retractBulletin(id: string, reason: string): Promise<Bulletin> {
    return this.#call('POST', `/api/v1/bulletins/${encodeURIComponent(id)}/retract`, { reason });
  }

  listAgencies(): Promise<{ items: Agency[] }> {
    return this.#call('GET', '/api/v1/agencies');
  }

  createAgency(input: AgencyCreate): Promise<Agency> {
    return this.#call('POST', '/api/v1/agencies', input);
  }

  updateAgency(id: string, input: AgencyUpdate): Promise<Agency> {
    return this.#call('PATCH', `/api/v1/agencies/${encodeURIComponent(id)}`, input);
  }

  listUsers(agencyId?: string): Promise<{ items: User[] }> {
    return this.#call('GET', `/api/v1/users${agencyId ? `?agencyId=${encodeURIComponent(agencyId)}` : ''}`);
  }

  createUser(input: UserCreate): Promise<User> {
    return this.#call('POST', '/api/v1/users', input);
  }

  updateUser(id: string, input: UserUpdate): Promise<User> {
    return this.#call('PATCH', `/api/v1/users/${encodeURIComponent(id)}`, input);
  }

  /**
   * One call to the API: what every module's client goes through, so the cookie, the CSRF
   * token, problem+json errors and the sign-out handling live in one place.
   */
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.#call<T>(method, path, body);
  }

  async #call<T>(
    method: string,
    path: string,
    body?: unknown,
    options: { quiet?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && this.#csrfToken) headers['x-csrf-token'] = this.#csrfToken;
    const response = await this.fetchImpl(`${this.base}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const payload = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      const problem = (payload as Problem | null) ?? {
        status: response.status,
        code: 'INTERNAL',
        detail: response.statusText || 'the server did not answer',
        title: 'Error',
      };
      const error = new ApiError(problem);
      if (error.isSignedOut && !options.quiet) this.onSignedOut();
      throw error;
    }
    return payload as T;
  }
}

export const vigilClient = new VigilClient((input, init) => fetch(input, init));
