import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from './endpoint-url.js';
import { audienceOf, patternMatches } from './events.js';

describe('webhook URLs', () => {
  it('accepts https on a public host', () => {
    expect(webhookUrlProblem('https://hooks.example.com/tradelane?x=1', false)).toBeUndefined();
    expect(webhookUrlProblem('https://93.184.216.34:8443/hook', false)).toBeUndefined();
  });

  it('refuses http, credentials and non-URLs', () => {
    expect(webhookUrlProblem('http://hooks.example.com/', false)).toMatch(/https/);
    expect(webhookUrlProblem('ftp://hooks.example.com/', false)).toMatch(/https/);
    expect(webhookUrlProblem('https://user:pass@hooks.example.com/', false)).toMatch(/user name or password/);
    expect(webhookUrlProblem('hooks.example.com', false)).toBe('Not a URL');
  });

  it('refuses loopback, private and link-local hosts, however they are written', () => {
    for (const url of [
      'https://localhost/',
      'https://api.localhost/',
      'https://127.0.0.1/',
      'https://0x7f.1/',
      'https://2130706433/',
      'https://10.1.2.3/',
      'https://172.20.0.1/',
      'https://192.168.1.10/',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/',
      'https://0.0.0.0/',
      'https://[::1]/',
      'https://[fe80::1]/',
      'https://[fd12:3456::1]/',
      'https://[::ffff:10.0.0.1]/',
      'https://[::ffff:127.0.0.1]/',
    ]) {
      expect(webhookUrlProblem(url, false), url).toMatch(/loopback, private or link-local/);
    }
  });

  it('with TRADELANE_WEBHOOKS_ALLOW_HTTP, accepts a loopback receiver, over http only on localhost', () => {
    expect(webhookUrlProblem('http://127.0.0.1:4010/hook', true)).toBeUndefined();
    expect(webhookUrlProblem('http://localhost:4010/hook', true)).toBeUndefined();
    // Only loopback: a private or link-local address stays refused.
    expect(webhookUrlProblem('https://10.1.2.3/', true)).toMatch(/loopback, private or link-local/);
    expect(webhookUrlProblem('http://10.1.2.3/', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://hooks.example.com/', true)).toMatch(/https/);
  });
});

describe('event patterns and audience', () => {
  it('matches a family wildcard or the exact type only', () => {
    expect(patternMatches('order.*', 'order.shipped')).toBe(true);
    expect(patternMatches('order.shipped', 'order.shipped')).toBe(true);
    expect(patternMatches('order.confirmed', 'order.shipped')).toBe(false);
    expect(patternMatches('order.*', 'orders.shipped')).toBe(false);
    expect(patternMatches('quote.*', 'order.shipped')).toBe(false);
  });

  it('is the event’s company and the buyer, supplier and notified company of its payload, once each', () => {
    expect(
      audienceOf({
        companyId: 'co_s',
        payload: { buyerId: 'co_b', supplierId: 'co_s', notify: 'co_n', other: 'co_x' },
      }),
    ).toEqual(['co_s', 'co_b', 'co_n']);
    expect(
      audienceOf({ companyId: null, payload: { buyerId: '', supplierId: 7, notify: ['co_a'] } }),
    ).toEqual([]);
  });
});
