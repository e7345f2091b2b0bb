import { newBuyer, newMember, newOperator, newSupplier, type Session } from '../factories.js';
import { newForwarder } from '../freight-factories.js';
import type { Harness } from '../harness.js';
import { type MemberRef, memberRefs, type Party } from './types.js';

/**
 * The companies of the matrix. A's supplier, buyer and forwarder are the
 * parties of every record; B's are the same kinds with no part in any of them.
 */
export type World = {
  a: Record<Party, Session>;
  b: Record<Party, Session>;
  /** Members of A's companies with a role short of the owner's. */
  members: Record<MemberRef, Session>;
  operator: Session;
  /** An operator member whose role (purchasing) no privileged route accepts. */
  operatorPurchasing: Session;
};

export const buildWorld = async (h: Harness): Promise<World> => {
  const a = { supplier: await newSupplier(h), buyer: await newBuyer(h), forwarder: await newForwarder(h) };
  const b = { supplier: await newSupplier(h), buyer: await newBuyer(h), forwarder: await newForwarder(h) };
  const members = {} as Record<MemberRef, Session>;
  for (const ref of memberRefs) {
    const [party, role] = ref.split(':') as [Party, string];
    members[ref] = await newMember(h, a[party], role);
  }
  const operator = await newOperator(h);
  const operatorPurchasing = await newMember(h, operator, 'purchasing');
  return { a, b, members, operator, operatorPurchasing };
};
