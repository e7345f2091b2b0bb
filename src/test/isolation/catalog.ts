import { expect } from 'vitest';
import { newProduct } from '../factories.js';
import type { Harness } from '../harness.js';
import { callRoute } from './callers.js';
import { pngUpload } from './files.js';
import { guarded, isolationModule, publicRead } from './types.js';
import type { World } from './world.js';

type Fixture = {
  /** Listed by supplier A, with an image: public. */
  activeId: string;
  activeImageId: string;
  /** Archived by supplier A after its image was added: its owner's alone. */
  archivedId: string;
  archivedImageId: string;
};

const addImage = async (h: Harness, w: World, productId: string) => {
  const response = await callRoute(h, {
    route: 'POST /api/products/{id}/images',
    url: `/api/products/${productId}/images`,
    body: pngUpload,
    caller: { who: 'owner', session: w.a.supplier },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
};

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  const active = await newProduct(h, w.a.supplier);
  const archived = await newProduct(h, w.a.supplier, { title: { en: 'Archived borehole pump' } });
  const fixture = {
    activeId: active.id,
    activeImageId: await addImage(h, w, active.id),
    archivedId: archived.id,
    archivedImageId: await addImage(h, w, archived.id),
  };
  const deleted = await h.app.inject({
    method: 'DELETE',
    url: `/api/products/${archived.id}`,
    headers: { cookie: w.a.supplier.cookie },
  });
  expect(deleted.statusCode, deleted.body).toBe(204);
  return fixture;
};

/** Listing and editing products is for owners, admins and sales. */
const editor = guarded('supplier', 'supplier:logistics');
const hiddenProduct = {
  kind: 'hidden',
  party: 'supplier',
  reason: 'an archived product is its supplier’s alone: to anyone else it does not exist',
} as const;
const listed = publicRead('an active product is the supplier’s public listing');

export const catalogIsolation = isolationModule<Fixture>({
  name: 'catalog',
  setup,
  cases: [
    {
      route: 'GET /api/hs/{code}',
      params: () => ({ code: '841370' }),
      access: publicRead('HS 2022 is shared reference data: the id names no tenant’s record'),
      check: (response) => expect(response.json()).toMatchObject({ code: '841370', level: 6 }),
    },
    {
      route: 'GET /api/products/{id}',
      variant: 'active',
      params: (f) => ({ id: f.activeId }),
      access: listed,
      check: (response, f) => expect(response.json()).toMatchObject({ id: f.activeId, status: 'active' }),
    },
    {
      route: 'GET /api/products/{id}',
      variant: 'archived',
      params: (f) => ({ id: f.archivedId }),
      access: hiddenProduct,
    },
    {
      route: 'PATCH /api/products/{id}',
      params: (f) => ({ id: f.activeId }),
      body: () => ({ moq: 1 }),
      access: editor,
    },
    { route: 'DELETE /api/products/{id}', params: (f) => ({ id: f.activeId }), access: editor },
    {
      route: 'GET /api/products/{id}/price',
      variant: 'active',
      params: (f) => ({ id: f.activeId }),
      query: 'quantity=100',
      access: listed,
      check: (response) => expect(response.json().total).toEqual({ amount: '450000', currency: 'USD' }),
    },
    {
      route: 'GET /api/products/{id}/price',
      variant: 'archived',
      params: (f) => ({ id: f.archivedId }),
      query: 'quantity=100',
      access: hiddenProduct,
    },
    {
      route: 'POST /api/products/{id}/images',
      params: (f) => ({ id: f.activeId }),
      body: () => pngUpload,
      access: editor,
    },
    {
      route: 'GET /api/images/{id}',
      variant: 'of an active product',
      params: (f) => ({ id: f.activeImageId }),
      access: listed,
      check: (response) => {
        expect(response.headers['content-type']).toBe('image/png');
        expect(response.rawPayload.equals(pngUpload.file.data)).toBe(true);
      },
    },
    {
      route: 'GET /api/images/{id}',
      variant: 'of an archived product',
      params: (f) => ({ id: f.archivedImageId }),
      access: hiddenProduct,
    },
    {
      route: 'GET /api/companies/{id}/products',
      params: (_, w) => ({ id: w.a.supplier.companyId }),
      access: publicRead('a supplier’s showroom is public; it lists only its active products'),
      check: (response, f) => {
        const ids = response.json().items.map((p: { id: string }) => p.id);
        expect(ids).toContain(f.activeId);
        expect(ids).not.toContain(f.archivedId);
      },
    },
  ],
});
