// `npm run bench:registry`: registers 1,000,000 keys (LEAKSTOP_BENCH_KEYS to change) in a fresh
// SQLite registry, and in a PostgreSQL schema when the server is reachable, then measures the
// in-memory hash index — load time, memory, lookups per second, p99 of one lookup — beside the
// baseline of one indexed SQL query per hash on the same data, in the same run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { openRegistry } from '../src/registry/open-registry.js';
import { PostgresDatabase } from '../src/registry/postgres.js';
import type { SqlKeyRegistry } from '../src/registry/sql-key-registry.js';
import { SqliteDatabase } from '../src/registry/sqlite.js';
import type { Actor, ImportedKey } from '../src/types.js';

const KEYS = Number(process.env.LEAKSTOP_BENCH_KEYS ?? 1_000_000);
const POSTGRES_URL = process.env.LEAKSTOP_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const BATCH = 100_000;
const IN_MEMORY_LOOKUPS = 2_000_000;
const SQL_LOOKUPS = { sqlite: 200_000, postgres: 20_000 };
const LATENCY_SAMPLES = 100_000;
const actor: Actor = { kind: 'cli', name: 'bench' };

v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Measured {
  backend: string;
  method: string;
  registerSeconds?: number;
  loadSeconds?: number;
  memoryMb?: number;
  lookupsPerSecond: number;
  p99Micros: number;
}

/** Half registered hashes, half never registered, shuffled together. */
function probes(registered: string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(i % 2 ? registered[(i * 7919) % registered.length]! : randomBytes(32).toString('hex'));
  return out;
}

/** The p99 of timing nothing: what every p99 below includes. */
function timerP99(): number {
  const samples: bigint[] = [];
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const t0 = process.hrtime.bigint();
    samples.push(process.hrtime.bigint() - t0);
  }
  return p99(samples);
}

function p99(samples: bigint[]): number {
  const sorted = samples.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Number(sorted[Math.floor(sorted.length * 0.99)]!) / 1000;
}

/** Registers KEYS keys by hash, in transactions of BATCH; returns seconds and a sample of the hashes. */
async function register(registry: SqlKeyRegistry): Promise<{ seconds: number; sample: string[] }> {
  const sample: string[] = [];
  const started = performance.now();
  for (let done = 0; done < KEYS; done += BATCH) {
    const batch: ImportedKey[] = [];
    for (let i = done; i < Math.min(KEYS, done + BATCH); i++) {
      const hash = randomBytes(32).toString('hex');
      if (i % 10 === 0) sample.push(hash);
      batch.push({ hash, shape: { prefix: 'lk_live_', bodyLength: 49, alphabet: 'base62', checksum: 'crc32-base62' }, owner: `acct_${i % 5000}`, label: 'bench' });
    }
    await registry.importHashes(batch, actor);
    process.stderr.write(`  registered ${Math.min(KEYS, done + BATCH).toLocaleString('en')} keys\r`);
  }
  process.stderr.write('\n');
  return { seconds: (performance.now() - started) / 1000, sample };
}

/** The in-memory index of a freshly opened registry: load, memory, throughput, p99. */
async function measureIndex(backend: string, spec: string, registerSeconds: number, sample: string[]): Promise<Measured> {
  const registry = await openRegistry(spec);
  try {
    gc();
    const before = process.memoryUsage();
    const started = performance.now();
    const index = await registry.hashIndex();
    const loadSeconds = (performance.now() - started) / 1000;
    gc();
    const after = process.memoryUsage();
    const heldBytes = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers;
    if (index.size !== KEYS) throw new Error(`the index holds ${index.size} keys, not ${KEYS}`);

    const hashes = probes(sample, IN_MEMORY_LOOKUPS);
    let hits = 0;
    const timed = performance.now();
    for (const hash of hashes) if (index.has(hash)) hits++;
    const lookupsPerSecond = hashes.length / ((performance.now() - timed) / 1000);
    if (hits !== hashes.length / 2) throw new Error(`expected ${hashes.length / 2} hits, got ${hits}`);

    const latencies: bigint[] = [];
    for (const hash of hashes.slice(0, LATENCY_SAMPLES)) {
      const t0 = process.hrtime.bigint();
      index.has(hash);
      latencies.push(process.hrtime.bigint() - t0);
    }
    return {
      backend, method: 'in-memory index', registerSeconds, loadSeconds,
      memoryMb: Math.max(index.byteLength, heldBytes) / 1024 / 1024, lookupsPerSecond, p99Micros: p99(latencies),
    };
  } finally {
    await registry.close();
  }
}

/** The baseline: one query on the indexed hash column per lookup. */
async function measureSqlite(file: string, sample: string[]): Promise<Measured> {
  const db = SqliteDatabase.open(file, { create: false });
  try {
    const statement = db.connection.prepare('SELECT id FROM keys WHERE hash = ?');
    const hashes = probes(sample, SQL_LOOKUPS.sqlite);
    const latencies: bigint[] = [];
    let hits = 0;
    const started = performance.now();
    for (const hash of hashes) {
      const t0 = process.hrtime.bigint();
      if (statement.get(Buffer.from(hash, 'hex'))) hits++;
      latencies.push(process.hrtime.bigint() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    if (hits !== hashes.length / 2) throw new Error(`expected ${hashes.length / 2} hits, got ${hits}`);
    return { backend: 'SQLite', method: 'SQL query per hash', lookupsPerSecond: hashes.length / seconds, p99Micros: p99(latencies) };
  } finally {
    await db.close();
  }
}

async function measurePostgres(connectionString: string, sample: string[]): Promise<Measured> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const hashes = probes(sample, SQL_LOOKUPS.postgres);
    const latencies: bigint[] = [];
    let hits = 0;
    const started = performance.now();
    for (const hash of hashes) {
      const t0 = process.hrtime.bigint();
      const result = await client.query({ name: 'lookup', text: 'SELECT id FROM keys WHERE hash = $1', values: [Buffer.from(hash, 'hex')] });
      if (result.rowCount) hits++;
      latencies.push(process.hrtime.bigint() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    if (hits !== hashes.length / 2) throw new Error(`expected ${hashes.length / 2} hits, got ${hits}`);
    return { backend: 'PostgreSQL', method: 'SQL query per hash', lookupsPerSecond: hashes.length / seconds, p99Micros: p99(latencies) };
  } finally {
    await client.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function table(rows: Measured[]): string {
  const fmt = (value: number | undefined, digits: number) => (value === undefined ? '—' : value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
  const header = ['backend', 'method', 'register s', 'load s', 'memory MB', 'lookups/s', 'p99 µs'];
  const cells = rows.map((row) => [row.backend, row.method, fmt(row.registerSeconds, 1), fmt(row.loadSeconds, 2), fmt(row.memoryMb, 1),
    fmt(row.lookupsPerSecond, 0), fmt(row.p99Micros, 2)]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => row[i]!.length)));
  return [header, ...cells].map((row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leakstop-bench-registry-'));
  const rows: Measured[] = [];
  const schema = `leakstop_bench_${randomBytes(4).toString('hex')}`;
  const withPostgres = await postgresReachable();
  process.stdout.write(`Registry bench: ${KEYS.toLocaleString('en')} keys; ${os.cpus().length} cores; Node ${process.version}\n`);
  try {
    const file = path.join(dir, 'registry.db');
    process.stderr.write('SQLite:\n');
    const sqlite = await openRegistry(file, { create: true });
    const registered = await register(sqlite).finally(() => sqlite.close());
    rows.push(await measureIndex('SQLite', file, registered.seconds, registered.sample));
    rows.push(await measureSqlite(file, registered.sample));

    if (withPostgres) {
      process.stderr.write('PostgreSQL:\n');
      const spec = `${POSTGRES_URL}?schema=${schema}`;
      const postgres = await openRegistry(spec, { create: true });
      const pgRegistered = await register(postgres);
      const connectionString = ((postgres.db as PostgresDatabase).connectionString);
      await postgres.close();
      rows.push(await measureIndex('PostgreSQL', spec, pgRegistered.seconds, pgRegistered.sample));
      rows.push(await measurePostgres(connectionString, pgRegistered.sample));
    } else {
      process.stdout.write(`PostgreSQL at ${POSTGRES_URL} is not reachable: measured SQLite only.\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    if (withPostgres) {
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    }
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  for (const backend of ['SQLite', 'PostgreSQL']) {
    const [index, sql] = [rows.find((row) => row.backend === backend && row.method === 'in-memory index'), rows.find((row) => row.backend === backend && row.method !== 'in-memory index')];
    if (index && sql) process.stdout.write(`${backend}: in-memory index ${(index.lookupsPerSecond / sql.lookupsPerSecond).toFixed(0)}× the lookups/s of a query per hash\n`);
  }
  process.stdout.write(`Aim: ≥ 1,000,000 lookups/s and < 100 MB for 1,000,000 keys. Each p99 includes the timer's own p99 (${timerP99().toFixed(2)} µs).\n`);
}

await main();
