import { describe, expect, it } from 'vitest';
import { newSupplier, productInput } from '../test/factories.js';
import { useHarness } from '../test/harness.js';

const h = useHarness();

describe('schema validation issues', () => {
  it('name the zod code and its bound, so the web app can word them in the reader language', async () => {
    const supplier = await newSupplier(h);
    const response = await h.app.inject({
      method: 'POST',
      url: '/api/products',
      payload: { ...productInput(), moq: 0, unit: '', priceTiers: [] },
      headers: { cookie: supplier.cookie },
    });
    expect(response.statusCode, response.body).toBe(400);
    const { code, details } = response.json().error;
    expect(code).toBe('VALIDATION_FAILED');
    expect(details.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'body.moq', code: 'too_small', origin: 'number', minimum: 1 }),
        expect.objectContaining({ path: 'body.unit', code: 'too_small', origin: 'string', minimum: 1 }),
        expect.objectContaining({ path: 'body.priceTiers', code: 'too_small', origin: 'array', minimum: 1 }),
      ]),
    );
    // The English message stays for API clients that read it.
    for (const issue of details.issues) expect(issue.message).toEqual(expect.any(String));
  });
});
