import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from './client.js';
import { prepareDatabase } from './prepare.js';
import { withDatabase } from './test-database.js';

/** Migrates one template database per test run; every test file then starts from a copy of it. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await prepareDatabase(database);
    const tarball = join(tmpdir(), `tradelane-test-${process.pid}.tar.gz`);
    const blob = await database.dumpDataDir!();
    writeFileSync(tarball, Buffer.from(await blob.arrayBuffer()));
    await database.close();
    project.provide('testTemplate', { engine: 'pglite', tarball });
    return () => rmSync(tarball, { force: true });
  }
  const template = `tl_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${template}`);
  const database = await openDatabase({ url: withDatabase(url, template) });
  await prepareDatabase(database);
  await database.close();
  project.provide('testTemplate', { engine: 'postgres', url, template });
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
  };
}
