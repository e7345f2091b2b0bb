/**
 * Orders under trade assurance: terms, the lifecycle and its timers, the
 * dues a buyer pays, escrow, release, refunds, compensation and disputes.
 */
export * from './api.js';
export { cancelOrder, completeOrder, refundOrder } from './close-order.js';
export { createOrder, createOrderFromQuote } from './create-order.js';
export {
  decideDispute,
  escalateDispute,
  getDispute,
  listDisputeDesk,
  listOrderDisputes,
  openDispute,
  respondToDispute,
  withdrawDispute,
} from './disputes.js';
export { applyToDue } from './dues.js';
export { escrowHeld } from './escrow.js';
export {
  confirmOrder,
  markOrderDelivered,
  markOrderDeliveredAs,
  markOrderReady,
  receiveOrder,
  shipOrder,
  shipOrderAs,
} from './fulfil-order.js';
export { getOrder, listOrders } from './get-order.js';
export { disputeMachine, orderMachine } from './machines.js';
export { lockOrder } from './order-moves.js';
export { type DueRow, findDueByReference, findDues, findOrderRow, type OrderRow } from './order-store.js';
export { operators, orderBuyers, orderPolicy, orderSuppliers } from './policy.js';
export { findPaymentReferences, newPaymentReference } from './reference-code.js';
export * from './schema.js';
export { defaultOrderSettings, orderSettings } from './settings.js';
export { runOrderTimers } from './timers.js';
