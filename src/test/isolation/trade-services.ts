import { newDeclaration } from '../declaration-factories.js';
import type { Harness } from '../harness.js';
import { guarded, isolationModule, membersRead } from './types.js';
import type { World } from './world.js';

/** Supplier A's export declaration, drafted with the platform as declarant. */
type Fixture = { declarationId: string };

const setup = async (h: Harness, w: World): Promise<Fixture> => ({
  declarationId: (await newDeclaration(h, w.a.supplier)).id,
});

const declaration = (f: Fixture) => ({ id: f.declarationId });

export const tradeServicesIsolation = isolationModule<Fixture>({
  name: 'trade services',
  setup,
  cases: [
    { route: 'GET /api/declarations/{id}', params: declaration, access: membersRead('supplier') },
    {
      route: 'POST /api/declarations/{id}/transition',
      params: declaration,
      body: () => ({ to: 'declared' }),
      // The exporter's steps are for owners, admins, sales, logistics and finance.
      access: guarded('supplier', 'supplier:purchasing'),
    },
    ...(['invoice.pdf', 'packing-list.pdf', 'declaration.pdf'] as const).map((kind) => ({
      route: 'GET /api/declarations/{id}/documents/{kind}' as const,
      variant: kind,
      params: (f: Fixture) => ({ id: f.declarationId, kind }),
      access: membersRead('supplier'),
    })),
  ],
});
