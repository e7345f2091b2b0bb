import { randomBytes } from 'node:crypto';

/** What a card or online payment provider does for us; one implementation per provider. */
export interface PaymentProvider {
  /** The name stored with each payment, e.g. `sandbox`. */
  readonly name: string;
  /** Reserves the amount on the payer's instrument; the money has not moved yet. */
  authorize(input: {
    amount: bigint;
    currency: string;
    token: string;
    reference: string;
  }): Promise<{ ok: true; providerRef: string } | { ok: false; reason: string }>;
  /** Takes the authorized amount. */
  capture(input: {
    providerRef: string;
    amount: bigint;
  }): Promise<{ ok: true } | { ok: false; reason: string }>;
  /** Releases an authorization that will not be captured. */
  void(input: { providerRef: string }): Promise<void>;
  /** Returns captured money to the payer. */
  refund(input: {
    providerRef: string;
    amount: bigint;
  }): Promise<{ ok: true } | { ok: false; reason: string }>;
}

/**
 * THE SANDBOX PROVIDER: for development and tests only, it moves no real
 * money and talks to nobody. Its test tokens decide the outcome, as real
 * providers' test modes do:
 * - `tok_sandbox_ok`: authorized and captured;
 * - `tok_sandbox_declined`: authorization declined;
 * - `tok_sandbox_capture_fails`: authorized, then capture fails.
 * Any other token is declined as unknown.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';
  private readonly failCapture = new Set<string>();

  async authorize(input: { amount: bigint; currency: string; token: string }) {
    if (input.amount <= 0n) return { ok: false as const, reason: 'amount_invalid' };
    if (input.token === 'tok_sandbox_declined') return { ok: false as const, reason: 'card_declined' };
    if (input.token !== 'tok_sandbox_ok' && input.token !== 'tok_sandbox_capture_fails')
      return { ok: false as const, reason: 'unknown_token' };
    const providerRef = `sbx_${randomBytes(8).toString('hex')}`;
    if (input.token === 'tok_sandbox_capture_fails') this.failCapture.add(providerRef);
    return { ok: true as const, providerRef };
  }

  async capture(input: { providerRef: string }) {
    return this.failCapture.delete(input.providerRef)
      ? { ok: false as const, reason: 'capture_failed' }
      : { ok: true as const };
  }

  async void(input: { providerRef: string }) {
    this.failCapture.delete(input.providerRef);
  }

  async refund() {
    return { ok: true as const };
  }
}

/** The provider in use. Only the sandbox exists so far; a real one is chosen here by configuration. */
export const paymentProvider = (): PaymentProvider => sandbox;
const sandbox = new SandboxPaymentProvider();
