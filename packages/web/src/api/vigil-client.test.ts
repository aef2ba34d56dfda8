import { describe, expect, it } from 'vitest';
import { ApiError, VigilClient } from './vigil-client.ts';

type Call = { url: string; init: RequestInit | undefined };

function fakeServer(answers: Response[]) {
  const calls: Call[] = [];
  const fetchImpl = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    const answer = answers.shift();
    if (!answer) throw new Error('unexpected call');
    return answer;
  };
  return { calls, fetchImpl };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

describe('VigilClient', () => {
  it('sends the CSRF token from sign-in on state changes, not on reads', async () => {
    const server = fakeServer([
      json(200, { user: { id: 'u1', email: 'a@x.example', agencyId: 'g1' }, csrfToken: 'tok-1' }),
      json(201, { id: 'b1' }),
      json(200, { items: [], total: 0, marking: 'CLEAR' }),
    ]);
    const client = new VigilClient(server.fetchImpl);
    await client.signIn('a@x.example', 'pw');
    await client.createBulletin({ title: 't', body: 'b', marking: { tlp: 'GREEN' } });
    await client.listBulletins({ tlp: 'AMBER', q: 'storm' });
    const headers = (i: number) => server.calls[i]?.init?.headers as Record<string, string>;
    expect(headers(1)['x-csrf-token']).toBe('tok-1');
    expect(headers(2)['x-csrf-token']).toBeUndefined();
    expect(server.calls[2]?.url).toBe('/api/v1/bulletins?tlp=AMBER&q=storm');
  });

  it('turns problem+json into an ApiError that keeps code and field', async () => {
    const problem = {
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'marking.tlp: invalid',
      field: 'marking.tlp',
      title: 'Bad request',
    };
    const server = fakeServer([json(400, problem, 'application/problem+json')]);
    const client = new VigilClient(server.fetchImpl);
    const error = await client
      .createBulletin({ title: 't', body: 'b', marking: { tlp: 'GREEN' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem.field).toBe('marking.tlp');
  });
});
