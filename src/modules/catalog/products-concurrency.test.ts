import { describe, expect, it } from 'vitest';
import { newSupplier, productInput } from '../../test/factories.js';
import { useHarness } from '../../test/harness.js';

const h = useHarness();

describe('listing products at the same moment', () => {
  it('lists every one for one supplier, and the supplier stats count them all', async () => {
    const supplier = await newSupplier(h);
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        h.app.inject({
          method: 'POST',
          url: '/api/products',
          headers: { cookie: supplier.cookie },
          payload: productInput({ title: { en: `Concurrent pump ${i}` } }),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const page = await h.app.inject({ method: 'GET', url: `/api/companies/${supplier.companyId}/products` });
    expect(page.json().total).toBe(6);
  });
});
