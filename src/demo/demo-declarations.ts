import { and, eq, inArray } from 'drizzle-orm';
import { makeCtx } from '../core/context.js';
import type { Db } from '../db/client.js';
import { products } from '../modules/catalog/index.js';
import { findCompany } from '../modules/identity/index.js';
import { orders } from '../modules/orders/index.js';
import { createDeclaration, moveDeclaration } from '../modules/trade-services/index.js';
import { memberActor, userOf } from './demo-actors.js';

/** Catalogue units as customs' statutory units of quantity; cartons and boxes are counted as pieces. */
const statutoryUnit: Record<string, string> = {
  piece: 'pcs',
  set: 'set',
  pair: 'pair',
  unit: 'unit',
  carton: 'pcs',
  box: 'pcs',
  roll: 'roll',
  kg: 'kg',
  ton: 't',
  meter: 'm',
  'square meter': 'm2',
};

/**
 * Export declarations of the demo supplier's orders, through the real use
 * cases: the completed order taken through customs, FX settlement and VAT
 * invoice matching (its rebate claim in this month's summary, waiting to be
 * declared by the platform), and the shipped one declared and released.
 */
export const loadDemoDeclarations = async (db: Db, now: Date) => {
  const clock = () => new Date(now);
  const supplierUser = await userOf(db, 'supplier@demo.tradelane.dev');
  const operatorUser = await userOf(db, 'operator@demo.tradelane.dev');
  const supplier = makeCtx(db, memberActor(supplierUser.companyId, 'supplier', supplierUser.userId), clock);
  const operator = makeCtx(db, memberActor(operatorUser.companyId, 'operator', operatorUser.userId), clock);
  const company = await findCompany(db, supplierUser.companyId);
  const declarable = await db
    .select()
    .from(orders)
    .where(
      and(eq(orders.companyId, supplierUser.companyId), inArray(orders.status, ['completed', 'shipped'])),
    );
  for (const order of declarable) {
    const ids = order.lines.map((l) => l.productId).filter((id): id is string => id !== null);
    const listed = new Map(
      (await db.select().from(products).where(inArray(products.id, ids))).map((p) => [p.id, p]),
    );
    const lines = order.lines.map((line) => {
      const product = listed.get(line.productId ?? '');
      const unit = statutoryUnit[line.unit] ?? 'pcs';
      // Demo weights: about 2.5 kg a unit net, cartons and pallets 12 % more.
      const net = unit === 'kg' ? line.quantity : unit === 't' ? line.quantity * 1000 : line.quantity * 2.5;
      return {
        hsCode: product?.hsCode ?? '841370',
        description: line.description,
        quantity: line.quantity,
        unit,
        unitPrice: line.unitPrice,
        netWeightKg: net,
        grossWeightKg: Math.round(net * 1.12 * 1000) / 1000,
        packages: Math.max(1, Math.ceil(line.quantity / 20)),
        originProvince: company?.province ?? '330000',
      };
    });
    const id = await createDeclaration(supplier, {
      orderId: order.id,
      declarantRole: 'platform',
      exporter: { localName: '宏达泵业实业有限公司', address: '浙江省台州市温岭市东部新区', taxId: null },
      transportMode: 'sea',
      portOfLoading: 'CNNGB',
      lines,
    });
    await moveDeclaration(supplier, id, { to: 'declared' });
    await moveDeclaration(operator, id, { to: 'released', note: 'Released by Ningbo customs' });
    if (order.status !== 'completed') continue;
    await moveDeclaration(operator, id, { to: 'exported' });
    await moveDeclaration(supplier, id, { to: 'fx_received' });
    await moveDeclaration(supplier, id, { to: 'fx_settled' });
    // The supplier bought the goods in for about 70 % of their export value, VAT included.
    const totalCny = BigInt(order.total) * 7n;
    await moveDeclaration(supplier, id, {
      to: 'vat_invoice_matched',
      vatInvoices: lines.map((_, i) => ({
        lineNo: i + 1,
        invoiceNumber: `3300${String(244_100_000 + i).padStart(9, '0')}`,
        amount: String((totalCny * 70n) / 100n / BigInt(lines.length)),
      })),
    });
  }
};
