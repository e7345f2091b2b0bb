import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader, signWebhook, verifyWebhookSignature } from './signature.js';

const secret = newWebhookSecret();
const body = JSON.stringify({ id: 'evt_1', type: 'quote.accepted', data: { amount: '1250' } });
const at = new Date('2026-11-02T08:00:00Z');
const t = at.getTime() / 1000;

describe('webhook signatures', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('signs "<t>.<body>" with HMAC-SHA256 (a known vector)', () => {
    // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    expect(signWebhook('whsec_test', 1700000000, '{"a":1}')).toBe(
      '38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789',
    );
    expect(signatureHeader(secret, at, body)).toBe(`t=${t},v1=${signWebhook(secret, t, body)}`);
  });

  it('verifies its own signature within the tolerance, either side of now', () => {
    const header = signatureHeader(secret, at, body);
    expect(verifyWebhookSignature(secret, header, body, at)).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 299_000))).toBe(true);
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() - 299_000))).toBe(true);
  });

  it('refuses a tampered body, another secret, a stale or future timestamp, a forged t', () => {
    const header = signatureHeader(secret, at, body);
    expect(verifyWebhookSignature(secret, header, body.replace('1250', '9999'), at)).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), header, body, at)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() - 301_000))).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 3_600_000), 7200)).toBe(true);
    // The timestamp is signed: replaying an old signature under a fresh t fails.
    const replayed = header.replace(`t=${t}`, `t=${t + 600}`);
    expect(verifyWebhookSignature(secret, replayed, body, new Date(at.getTime() + 600_000))).toBe(false);
  });

  it('refuses malformed headers and accepts any one matching v1', () => {
    for (const bad of [
      undefined,
      null,
      '',
      'v1=abc',
      `t=${t}`,
      `t=soon,v1=${signWebhook(secret, t, body)}`,
      'garbage',
    ]) {
      expect(verifyWebhookSignature(secret, bad, body, at)).toBe(false);
    }
    const good = signWebhook(secret, t, body);
    expect(verifyWebhookSignature(secret, `t=${t}, v1=${'0'.repeat(64)}, v1=${good}`, body, at)).toBe(true);
    expect(verifyWebhookSignature(secret, `t=${t},v1=${good.slice(0, 10)}`, body, at)).toBe(false);
  });
});
