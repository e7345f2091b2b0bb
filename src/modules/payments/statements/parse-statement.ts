import { AppError, isAppError } from '../../../core/errors.js';
import { parseCamt053 } from './camt053.js';
import { parseMt940 } from './mt940.js';
import type { BankStatement } from './statement.js';

/** Larger than any daily statement we expect; bigger uploads are refused before any parsing. */
export const maxStatementBytes = 5 * 1024 * 1024;

/**
 * Reads an uploaded bank statement file, MT940 or camt.053, recognised by its
 * content (banks name files anything). Throws `AppError('VALIDATION_FAILED')`
 * with `details.problems` naming each bad line.
 */
export const parseStatementFile = (
  fileName: string,
  content: Buffer | string,
): { statements: BankStatement[] } => {
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  if (size > maxStatementBytes)
    refuse(fileName, `the file is ${size} bytes, more than the ${maxStatementBytes} a statement may have`);
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decode(content);
  if (text.trim() === '') refuse(fileName, 'the file is empty');

  const parse = formatOf(text);
  if (!parse)
    refuse(
      fileName,
      'unknown format: expected an MT940 file (starting with :20: or a {1: block) or camt.053 XML',
    );
  try {
    return { statements: parse!(text) };
  } catch (error) {
    // Name the file in the message too: an upload may hold several statement files.
    if (isAppError(error)) throw new AppError(error.code, `${fileName}: ${error.message}`, error.details);
    throw error;
  }
};

/** A problem with the file as a whole, not one of its lines. */
const refuse = (fileName: string, message: string): never => {
  throw new AppError('VALIDATION_FAILED', `${fileName}: ${message}`, { problems: [{ line: null, message }] });
};

const formatOf = (text: string): ((text: string) => BankStatement[]) | null => {
  const start = text.trimStart();
  if (start.startsWith('<'))
    // Other ISO 20022 messages (camt.052 reports, camt.054 notifications) are XML too, but not statements.
    return /<(?:[\w.-]+:)?BkToCstmrStmt[\s>]/.test(text) || text.slice(0, 4096).includes('camt.053')
      ? parseCamt053
      : null;
  return start.startsWith(':20:') || start.startsWith('{1:') ? parseMt940 : null;
};

/**
 * camt.053 is UTF-8, but German banks still send MT940 in ISO 8859-1: text
 * that is not valid UTF-8 is read as Latin-1 rather than refused.
 */
const decode = (content: Buffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return new TextDecoder('latin1').decode(content);
  }
};
