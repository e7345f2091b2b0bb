import { type SQL, sql } from 'drizzle-orm';

// The trade rollups as data, and the SQL that folds facts into them: an
// upsert (any time, beside other writers) or a plain insert (into tables
// just truncated).

export type Rollup = {
  table: string;
  /** The rollup's primary key, and the fact expressions each key column is grouped by. */
  keys: readonly (readonly [column: string, fromFacts: string])[];
  /** Additive measures and their aggregate over the facts; none for a set (insert, ignore duplicates). */
  measures: readonly (readonly [column: string, aggregate: string])[];
  where?: string;
};

const month = "date_trunc('month', paid_on)::date";

export const tradeRollups: readonly Rollup[] = [
  {
    table: 'trade_daily',
    keys: [
      ['day', 'paid_on'],
      ['province', 'supplier_province'],
      ['industry', 'industry'],
      ['category', 'category'],
      ['buyer_country', 'buyer_country'],
    ],
    measures: [
      ['gmv_usd', 'sum(amount_usd)'],
      ['orders', 'sum(orders)'],
    ],
  },
  {
    table: 'trade_monthly',
    keys: [
      ['month', month],
      ['province', 'supplier_province'],
      ['industry', 'industry'],
      ['category', 'category'],
      ['buyer_country', 'buyer_country'],
    ],
    measures: [
      ['gmv_usd', 'sum(amount_usd)'],
      ['orders', 'sum(orders)'],
    ],
  },
  {
    table: 'trade_supplier_months',
    keys: [
      ['month', month],
      ['province', 'supplier_province'],
      ['industry', 'industry'],
      ['supplier_id', 'supplier_id'],
    ],
    measures: [['gmv_usd', 'sum(amount_usd)']],
  },
  {
    table: 'trade_buyer_months',
    keys: [
      ['month', month],
      ['buyer_country', 'buyer_country'],
      ['buyer_id', 'buyer_id'],
    ],
    measures: [],
    // A refund does not make its buyer less of a buyer: only paid orders count toward active buyers.
    where: 'orders > 0',
  },
];

type Range = { after: number; upTo: number };

const parts = (rollup: Rollup) => ({
  columns: [...rollup.keys, ...rollup.measures].map(([column]) => column).join(', '),
  keyColumns: rollup.keys.map(([column]) => column).join(', '),
  // Rows go in primary key order: a B-tree filled in order touches each page once, which
  // takes a third off a million-group fold on PGlite.
  grouped: (range: Range) =>
    sql`select ${sql.raw(
      [...rollup.keys, ...rollup.measures]
        .map(([column, expression]) => `${expression} as ${column}`)
        .join(', '),
    )}
          from trade_facts
         where seq > ${range.after} and seq <= ${range.upTo} ${sql.raw(rollup.where ? `and ${rollup.where}` : '')}
         group by ${sql.raw(rollup.keys.map((_, i) => i + 1).join(', '))}
         order by ${sql.raw(rollup.keys.map((_, i) => i + 1).join(', '))}`,
});

/** Adds the facts' measures to existing rows, or inserts them: safe beside concurrent writers. */
export const upsertFromFacts = (rollup: Rollup, range: Range): SQL => {
  const { columns, keyColumns, grouped } = parts(rollup);
  const onConflict =
    rollup.measures.length === 0
      ? `on conflict (${keyColumns}) do nothing`
      : `on conflict (${keyColumns}) do update set ${rollup.measures
          .map(([column]) => `${column} = ${rollup.table}.${column} + excluded.${column}`)
          .join(', ')}`;
  return sql`insert into ${sql.raw(`${rollup.table} (${columns})`)} ${grouped(range)} ${sql.raw(onConflict)}`;
};

/** Into a rollup just truncated nothing can conflict: a plain insert costs half an upsert. */
export const insertFromFacts = (rollup: Rollup, range: Range): SQL => {
  const { columns, grouped } = parts(rollup);
  return sql`insert into ${sql.raw(`${rollup.table} (${columns})`)} ${grouped(range)}`;
};
