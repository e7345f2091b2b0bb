import { describe, expect, it } from 'vitest';
import { runCrashHarness, summaryLine } from './run-crash.js';

// The reduced run of `npm run crash`: the real server as a child process,
// SIGKILLed twice during the storm and once after it. On PostgreSQL when
// DATABASE_URL is set (the run makes and drops its own database there).
// Each restart is a real server start (tsx, migrations check, PGlite WAL
// recovery): about 20 s on an idle machine, minutes on a crowded one, hence
// the long timeout.
const engine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

describe('crash safety of money', () => {
  it(`loses and doubles no acknowledged money command across SIGKILLs (${engine})`, async () => {
    const report = await runCrashHarness({
      engine,
      kills: 2,
      clients: 2,
      afterAckMs: [0, 2000],
      adminUrl: process.env.DATABASE_URL,
    });
    console.log(summaryLine(report));
    expect(report.errors).toEqual([]);
    expect(report.acknowledged).toBeGreaterThan(0);
    expect(report.verdict.lost).toEqual([]);
    expect(report.verdict.duplicated).toEqual([]);
    expect(report.verdict.inconsistent).toEqual([]);
    expect(report.verdict.overbooked).toEqual([]);
    expect(report.verdict.ledgerVerifyOutput).toContain('OK: every invariant holds.');
    expect(report.verdict.ledgerVerifyOk).toBe(true);
  }, 1_200_000);
});
