import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { readUploadedFile } from '../../http/uploads.js';
import {
  CreateProductBody,
  PageQuery,
  PriceQuoteSchema,
  ProductSchema,
  ProductSummarySchema,
  UpdateProductBody,
} from './api.js';
import { createProduct } from './create-product.js';
import { deleteProduct } from './delete-product.js';
import { getProduct, priceProduct } from './get-product.js';
import { listCompanyProducts } from './list-company-products.js';
import { catalogPolicy } from './policy.js';
import { addProductImage, readProductImage } from './product-images.js';
import { hsCodeList, provinceList, taxonomy } from './reference.js';
import { SearchProductsQuery, SearchProductsResult, searchProducts } from './search-products.js';
import { SearchSuppliersQuery, SearchSuppliersResult, searchSuppliers } from './search-suppliers.js';
import { visitorIdOf } from './sponsored.js';
import { updateProduct } from './update-product.js';
import { uploadProducts } from './upload-products.js';

const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
const Localized = z.object({ en: z.string(), zh: z.string(), es: z.string() });
const searchRateLimit = { rateLimit: { max: 600, timeWindow: '1 minute' } };

export const registerCatalogRoutes = (instance: FastifyInstance, { dataDir }: { dataDir: string }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  app.get(
    '/api/taxonomy',
    {
      schema: {
        tags,
        summary: 'Industries, categories and sub-categories with names and HS headings',
        response: {
          200: z.object({
            nodes: z.array(
              z.object({
                code: z.string(),
                level: z.enum(['industry', 'category', 'subcategory']),
                parent: z.string().nullable(),
                name: Localized,
                hsHeadings: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ nodes: taxonomy().nodes }),
  );

  app.get(
    '/api/provinces',
    {
      schema: {
        tags,
        summary: 'Chinese provinces (GB/T 2260)',
        response: { 200: z.object({ provinces: z.array(z.object({ code: z.string(), name: Localized })) }) },
      },
    },
    async () => ({ provinces: provinceList().list }),
  );

  app.get(
    '/api/hs/:code',
    {
      schema: {
        tags,
        summary: 'An HS 2022 code with its children',
        params: z.strictObject({
          code: z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'An HS code has 2, 4 or 6 digits'),
        }),
        response: {
          200: z.object({
            code: z.string(),
            description: z.string(),
            level: z.number(),
            section: z.string(),
            parent: z.string().nullable(),
            children: z.array(z.object({ code: z.string(), description: z.string() })),
          }),
        },
      },
    },
    async (req) => {
      const code = hsCodeList().byCode.get(req.params.code);
      if (!code) throw notFound('HS code', req.params.code);
      const children = hsCodeList()
        .codes.filter((c) => c.parent === code.code)
        .map((c) => ({ code: c.code, description: c.description }));
      return { ...code, children };
    },
  );

  app.get(
    '/api/search/products',
    {
      config: searchRateLimit,
      schema: {
        tags: ['search'],
        summary: 'Search products in en, zh or es with facets',
        querystring: SearchProductsQuery,
        response: { 200: SearchProductsResult },
      },
    },
    (req) => searchProducts(req.ctx, req.query, { visitorId: visitorIdOf(req.headers['x-visitor-id']) }),
  );

  app.get(
    '/api/search/suppliers',
    {
      config: searchRateLimit,
      schema: {
        tags: ['search'],
        summary: 'Search suppliers by what they list',
        querystring: SearchSuppliersQuery,
        response: { 200: SearchSuppliersResult },
      },
    },
    (req) => searchSuppliers(req.ctx, req.query),
  );

  app.get(
    '/api/products/:id',
    { schema: { tags, summary: 'A product', params: IdParams, response: { 200: ProductSchema } } },
    (req) => getProduct(req.ctx, { productId: req.params.id }),
  );

  app.get(
    '/api/products/:id/price',
    {
      schema: {
        tags,
        summary: 'Unit and total price for a quantity',
        params: IdParams,
        querystring: z.strictObject({ quantity: z.coerce.number().int().min(1).max(1_000_000_000) }),
        response: { 200: PriceQuoteSchema },
      },
    },
    (req) => priceProduct(req.ctx, { productId: req.params.id, quantity: req.query.quantity }),
  );

  app.post(
    '/api/products',
    {
      schema: {
        tags,
        summary: 'List a product (supplier)',
        body: CreateProductBody,
        response: { 201: ProductSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createProduct(req.ctx, req.body)),
  );

  app.post(
    '/api/products/import',
    {
      schema: {
        tags,
        summary: 'List products from a CSV file, one per line: all or none (multipart; supplier)',
        response: { 201: z.object({ imported: z.number().int(), ids: z.array(z.string()) }) },
      },
    },
    async (req, reply) => {
      // The policy comes before reading the body: a refused caller's upload is never read.
      catalogPolicy.assertCanCreate(req.ctx.actor);
      return reply.status(201).send(await uploadProducts(req.ctx, { readUpload: readUploadedFile(req) }));
    },
  );

  app.patch(
    '/api/products/:id',
    {
      schema: {
        tags,
        summary: 'Edit your product',
        params: IdParams,
        body: UpdateProductBody,
        response: { 200: ProductSchema },
      },
    },
    (req) => updateProduct(req.ctx, { productId: req.params.id, changes: req.body }),
  );

  app.delete(
    '/api/products/:id',
    { schema: { tags, summary: 'Archive your product', params: IdParams } },
    async (req, reply) => {
      await deleteProduct(req.ctx, { productId: req.params.id });
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/products/:id/images',
    {
      schema: {
        tags,
        summary: 'Upload a product image (multipart, JPEG/PNG/WebP, ≤ 5 MB)',
        params: IdParams,
        response: { 201: z.object({ id: z.string(), url: z.string() }) },
      },
    },
    async (req, reply) => {
      const image = await addProductImage(req.ctx, {
        productId: req.params.id,
        readUpload: readUploadedFile(req),
        dataDir,
      });
      return reply.status(201).send(image);
    },
  );

  app.get(
    '/api/images/:id',
    { schema: { tags, summary: 'A product image', params: IdParams } },
    async (req, reply) => {
      const image = await readProductImage(req.ctx, { imageId: req.params.id, dataDir });
      return reply
        .header('content-type', image.contentType)
        .header('cache-control', 'public, max-age=86400')
        .send(image.data);
    },
  );

  app.get(
    '/api/companies/:id/products',
    {
      schema: {
        tags,
        summary: 'A supplier’s showroom',
        params: IdParams,
        querystring: PageQuery,
        response: {
          200: z.object({
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(ProductSummarySchema),
          }),
        },
      },
    },
    (req) => listCompanyProducts(req.ctx, { companyId: req.params.id, ...req.query }),
  );
};
