/**
 * A CSV reader for bulk imports (RFC 4180: comma-separated, double quotes
 * around fields holding commas, quotes or line breaks, "" for a quote inside
 * them, LF or CRLF line ends). Written here rather than taken from csv-parse,
 * which spends two thirds of an import's JavaScript time on a million rows:
 * most rows have no quote at all and are split by `String.split` alone.
 */

/** One record: its fields, and the line count at its end (its last line, 1-based). */
export type SplitRecord = { fields: string[]; line: number };

/** Thrown at the end of the input inside a quoted field. */
export class UnclosedQuote extends Error {
  constructor(readonly line: number) {
    super(`A quoted field opened on line ${line} is never closed`);
  }
}

type Read = { fields: string[]; end: number; newlines: number };

/** A record with quotes, character by character; undefined when the text ends inside a quote. */
const readQuoted = (text: string, start: number, final: boolean): Read | undefined => {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let newlines = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') {
        if (c === '\n') newlines++;
        field += c;
      } else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (i + 1 === text.length && !final)
        return undefined; // "" may be split between chunks
      else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n') break;
    else field += c;
  }
  if (quoted) return final ? { fields: [], end: -1, newlines } : undefined;
  if (i === text.length && !final) return undefined;
  fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
  return { fields, end: i + 1, newlines: newlines + 1 };
};

/**
 * The record starting at `start`, or undefined when more text is needed to
 * finish it. `quote` is the first quote at or after `start` (-1 for none).
 */
const readRecord = (text: string, start: number, quote: number, final: boolean): Read | undefined => {
  const newline = text.indexOf('\n', start);
  if (quote !== -1 && (newline === -1 || quote < newline)) return readQuoted(text, start, final);
  if (newline === -1 && !final) return undefined;
  const end = newline === -1 ? text.length : newline;
  const content = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
  return { fields: content === '' ? [] : content.split(','), end: end + 1, newlines: 1 };
};

/**
 * The records of a CSV stream (bytes in UTF-8, or strings), skipping empty
 * lines and a leading byte order mark. Throws UnclosedQuote for a quote
 * still open at the end.
 */
export async function* splitCsv(source: AsyncIterable<string | Uint8Array>): AsyncGenerator<SplitRecord> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let lines = 0;
  let first = true;
  const records = function* (final: boolean) {
    let start = 0;
    // Found once and again only when passed: searching from every record would rescan the chunk.
    let quote = text.indexOf('"');
    while (start < text.length) {
      if (quote !== -1 && quote < start) quote = text.indexOf('"', start);
      const read = readRecord(text, start, quote, final);
      if (!read) break;
      if (read.end === -1) throw new UnclosedQuote(lines + 1);
      lines += read.newlines;
      start = read.end;
      if (read.fields.length > 0) yield { fields: read.fields, line: lines };
    }
    text = text.slice(start);
  };
  for await (const chunk of source) {
    text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    yield* records(false);
  }
  text += decoder.decode();
  yield* records(true);
}
