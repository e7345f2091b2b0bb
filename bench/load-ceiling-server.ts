// The load benchmark's ceiling: the same framework and transport as Tradelane with no work behind
// the route, so the gap to it is what the application itself costs.
import Fastify from 'fastify';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port < 1) throw new Error('usage: load-ceiling-server.ts PORT');

const app = Fastify({ logger: false });
app.get('/', async () => ({ ok: true }));
await app.listen({ port, host: '127.0.0.1' });

const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);
