import { describe, expect, it } from 'vitest';
import { logLevel } from './serve.js';

describe('the server log level', () => {
  it('defaults to info and accepts any pino level in any case', () => {
    expect(logLevel(undefined)).toBe('info');
    expect(logLevel(' WARN ')).toBe('warn');
    expect(logLevel('trace')).toBe('trace');
  });

  it('refuses a name the logger does not know, naming the ones it does', () => {
    expect(() => logLevel('verbose')).toThrow(/one of fatal, error, warn, info, debug, trace; got "verbose"/);
  });
});
