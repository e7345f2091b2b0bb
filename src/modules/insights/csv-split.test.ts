import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsv, UnclosedQuote } from './csv-split.js';

const read = async (chunks: (string | Uint8Array)[]) => {
  const records = [];
  for await (const record of splitCsv(
    (async function* () {
      yield* chunks;
    })(),
  ))
    records.push(record);
  return records;
};

/** What csv-parse reads from the same text: the reference this reader must agree with. */
const reference = (text: string) =>
  (
    parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[]
  ).map(({ record, info }) => ({ fields: record, line: info.lines }));

/** The text cut at the given points: records must not depend on where chunks end. */
const cut = (text: string, points: number[]) => {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
};

describe('splitCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM and empty lines', async () => {
    const text = '\uFEFFa,b,c\r\n\r\n1,"x, y","say ""hi"""\n2,"two\nlines",\n\n3,,last';
    expect(await read([text])).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['1', 'x, y', 'say "hi"'], line: 3 },
      { fields: ['2', 'two\nlines', ''], line: 5 },
      { fields: ['3', '', 'last'], line: 7 },
    ]);
  });

  it('counts a CRLF inside quotes as one line break', async () => {
    expect(await read(['a\r\n"b\r\nc"\r\nd\r\n'])).toEqual([
      { fields: ['a'], line: 1 },
      { fields: ['b\r\nc'], line: 3 },
      { fields: ['d'], line: 4 },
    ]);
  });

  it('decodes UTF-8 split inside a character between chunks', async () => {
    const bytes = new TextEncoder().encode('name\n礼品\n');
    expect(await read([bytes.slice(0, 7), bytes.slice(7)])).toEqual([
      { fields: ['name'], line: 1 },
      { fields: ['礼品'], line: 2 },
    ]);
  });

  it('throws for a quote never closed, naming the line it opened on', async () => {
    await expect(read(['a,b\n1,"open\n2,3\n'])).rejects.toEqual(new UnclosedQuote(2));
  });

  it('agrees with csv-parse on any well-formed text, however it is chunked', async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 .-]{0,6}$/),
      fc
        // Line breaks inside quotes are LF only: csv-parse counts a quoted CRLF as two lines.
        .string({ unit: fc.constantFrom('a', ' ', ',', '"', '\n', '礼'), maxLength: 6 })
        .map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const row = fc.array(field, { minLength: 1, maxLength: 4 }).map((fields) => fields.join(','));
    const text = fc
      .tuple(fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([rows, end, last]) => rows.join(end) + (last ? end : ''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 5 }), async (t, points) => {
        expect(await read(cut(t, points))).toEqual(reference(t));
      }),
      { numRuns: 500 },
    );
  });
});
