import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoCapAlertXml } from './interop-demo-data.ts';

const stamped = (at: string) => {
  const xml = demoCapAlertXml(new Date(at));
  return {
    sent: /<sent>([^<]+)<\/sent>/.exec(xml)?.[1],
    expires: [...xml.matchAll(/<expires>([^<]+)<\/expires>/g)].map((match) => match[1]),
  };
};

describe('the demo CAP alert is stamped on Virginia’s clock at the instant it is sent', () => {
  it('uses Eastern Standard Time (−05:00) in late November', () => {
    assert.equal(stamped('2026-11-28T12:00:00Z').sent, '2026-11-28T07:00:00-05:00');
  });

  it('uses Eastern Daylight Time (−04:00) in September', () => {
    assert.equal(stamped('2026-09-15T12:00:00Z').sent, '2026-09-15T08:00:00-04:00');
  });

  it('changes offset where daylight time ends (2 a.m. EDT on 1 November 2026)', () => {
    assert.equal(stamped('2026-11-01T05:59:59Z').sent, '2026-11-01T01:59:59-04:00');
    assert.equal(stamped('2026-11-01T06:00:00Z').sent, '2026-11-01T01:00:00-05:00');
  });

  it('stamps the expiry with the offset of its own instant, in both languages', () => {
    // Sent under daylight time, expiring 36 h later under standard time.
    const { sent, expires } = stamped('2026-10-31T12:00:00Z');
    assert.equal(sent, '2026-10-31T08:00:00-04:00');
    assert.deepEqual(expires, ['2026-11-01T19:00:00-05:00', '2026-11-01T19:00:00-05:00']);
  });

  it('names the same instant it was given', () => {
    for (const at of ['2026-03-08T06:59:00Z', '2026-03-08T07:00:00Z', '2026-11-28T04:46:00Z']) {
      assert.equal(Date.parse(stamped(at).sent ?? ''), Date.parse(at), at);
    }
  });
});
