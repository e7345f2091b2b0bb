import { sleep } from './server-process.js';

export type Reply = { status: number; body: unknown; replayed: boolean };

/** The connection broke after the request may have reached the server: the outcome is unknown. */
export class NoAnswer extends Error {}

/** The server was not listening (killed, restarting): the request never reached it, so resending is safe. */
export class NotReached extends Error {}

const refused = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';

/** A signed-in member talking to the server over real HTTP, with the app's origin (the CSRF guard). */
export class Client {
  cookie = '';
  companyId = '';

  constructor(private readonly baseUrl: string) {}

  /** One attempt: an answer, NotReached when nobody listened, NoAnswer when the connection broke. */
  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          origin: this.baseUrl,
          ...(this.cookie ? { cookie: this.cookie } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      // The body is part of the answer: a connection cut while reading it is no answer.
      text = await response.text();
    } catch (error) {
      if (refused(error)) throw new NotReached((error as Error).message);
      throw new NoAnswer((error as Error).message);
    }
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length > 0) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  }

  /**
   * Sends until the server gives a definitive answer: no answer and 5xx are
   * retried as they are (for money commands, with the same Idempotency-Key,
   * which is what makes the retry safe).
   */
  async sendUntilAnswered(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply & { attempts: number }> {
    for (let attempts = 1; ; attempts++) {
      try {
        const reply = await this.send(method, path, body, headers);
        if (reply.status < 500) return { ...reply, attempts };
      } catch (error) {
        if (!(error instanceof NoAnswer || error instanceof NotReached)) throw error;
      }
      await sleep(250);
    }
  }
}
