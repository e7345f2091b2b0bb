import PDFDocument from 'pdfkit';
import { dataFile } from '../../../core/paths.js';

/** The shipped Noto Sans SC: Latin and simplified Chinese in one font, embedded as a subset with ToUnicode. */
const FONT = 'NotoSansSC';
const MARGIN = 40;
const PAD = 4;
const colors = { text: '#1f2933', dimmed: '#5f6b7a', rule: '#8a96a3', fill: '#e9eef4', accent: '#1c4e80' };

/** A table column; the one without a width takes what the others leave. */
export type SheetColumn = { header: string; width?: number; align?: 'left' | 'right' | 'center' };

/** A labelled box of a form; `weight` is its share of the row's width (1 by default). */
export type SheetField = { label: string; value: string | string[]; weight?: number };

/** One box of a form row, or several stacked in the same column. */
export type SheetCell = SheetField | SheetField[];

export type SheetInfo = {
  title: string;
  subject: string;
  lang: string;
  /** Printed with the page number at the foot of every page. */
  footer: string;
  /** YYYY-MM-DD: the PDF's creation date is the document's date, so one declaration renders alike. */
  issuedOn: string;
};

const lines = (value: string | string[]) => (Array.isArray(value) ? value : [value]).join('\n');

/**
 * An A4 trade document written top to bottom: a letterhead, form rows of
 * labelled boxes, ruled tables that wrap their cells and repeat their header
 * row on each new page, and a signature block.
 */
export const createSheet = (info: SheetInfo) => {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: info.lang,
    bufferPages: true,
    info: {
      Title: info.title,
      Author: 'Tradelane',
      Subject: info.subject,
      Creator: 'Tradelane',
      CreationDate: new Date(`${info.issuedOn}T00:00:00Z`),
    },
  });
  doc.registerFont(FONT, dataFile('fonts/NotoSansSC-Regular.woff'));
  doc.font(FONT).fillColor(colors.text).lineWidth(0.5);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // pdfkit measures a newline as a glyph of Noto Sans SC, so a line that just
  // fits would wrap before it: each line of a multi-line text is set on its own.
  type TextOptions = { width: number; align?: 'left' | 'right' | 'center' };
  const blockHeight = (text: string, options: TextOptions) =>
    text
      .split('\n')
      .reduce((sum, line) => sum + (line ? doc.heightOfString(line, options) : doc.currentLineHeight()), 0);
  const textBlock = (text: string, x: number, y: number, options: TextOptions) => {
    doc.y = y;
    for (const line of text.split('\n')) {
      if (line) doc.text(line, x, doc.y, options);
      else doc.y += doc.currentLineHeight();
    }
  };

  const fieldHeight = (field: SheetField, boxWidth: number) => {
    doc.fontSize(6.5);
    const label = doc.heightOfString(field.label, { width: boxWidth - 2 * PAD });
    doc.fontSize(8.5);
    const value = blockHeight(lines(field.value), { width: boxWidth - 2 * PAD });
    return PAD + label + 1 + value + PAD;
  };

  const drawField = (field: SheetField, box: { x: number; y: number; w: number; h: number }) => {
    doc.rect(box.x, box.y, box.w, box.h).strokeColor(colors.rule).stroke();
    doc
      .fontSize(6.5)
      .fillColor(colors.dimmed)
      .text(field.label, box.x + PAD, box.y + PAD, { width: box.w - 2 * PAD });
    doc.fontSize(8.5).fillColor(colors.text);
    textBlock(lines(field.value), box.x + PAD, doc.y + 1, { width: box.w - 2 * PAD });
  };

  const columnWidths = (columns: SheetColumn[]) => {
    const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
    return columns.map((c) => c.width ?? width - fixed);
  };

  const drawCells = (
    columns: SheetColumn[],
    cells: string[],
    options: { top: number; height: number; size: number; fill?: string; color?: string },
  ) => {
    const widths = columnWidths(columns);
    let x = MARGIN;
    if (options.fill) doc.rect(MARGIN, options.top, width, options.height).fillColor(options.fill).fill();
    cells.forEach((cell, i) => {
      const w = widths[i]!;
      doc.rect(x, options.top, w, options.height).strokeColor(colors.rule).stroke();
      doc.fontSize(options.size).fillColor(options.color ?? colors.text);
      textBlock(cell, x + PAD, options.top + PAD, { width: w - 2 * PAD, align: columns[i]!.align ?? 'left' });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = options.top + options.height;
  };

  const rowHeight = (columns: SheetColumn[], cells: string[], size: number) => {
    const widths = columnWidths(columns);
    doc.fontSize(size);
    const tallest = Math.max(...cells.map((cell, i) => blockHeight(cell, { width: widths[i]! - 2 * PAD })));
    return tallest + 2 * PAD;
  };

  const sheet = {
    /** The issuer's name at the head of the first page, centred, its Chinese name under it. */
    letterhead: (name: string, details: string[]) => {
      doc.fontSize(14).fillColor(colors.accent).text(name, MARGIN, doc.y, { width, align: 'center' });
      doc.fontSize(8).fillColor(colors.dimmed);
      textBlock(details.filter(Boolean).join('\n'), MARGIN, doc.y + 1, { width, align: 'center' });
      doc
        .moveTo(MARGIN, doc.y + 6)
        .lineTo(MARGIN + width, doc.y + 6)
        .strokeColor(colors.accent)
        .lineWidth(1)
        .stroke()
        .lineWidth(0.5);
      doc.y += 12;
    },

    title: (text: string, subtitle?: string) => {
      doc.fontSize(16).fillColor(colors.accent).text(text, MARGIN, doc.y, { width, align: 'center' });
      if (subtitle)
        doc.fontSize(9).fillColor(colors.dimmed).text(subtitle, MARGIN, doc.y, { width, align: 'center' });
      doc.y += 8;
    },

    /** Boxes side by side, all as tall as the tallest; a stacked column's last box takes the slack. */
    fieldRow: (cells: SheetCell[]) => {
      const stacks = cells.map((cell) => (Array.isArray(cell) ? cell : [cell]));
      const weights = stacks.map((stack) => Math.max(...stack.map((f) => f.weight ?? 1)));
      const totalWeight = weights.reduce((a, b) => a + b, 0);
      const widths = weights.map((w) => (width * w) / totalWeight);
      const heights = stacks.map((stack, i) => stack.map((field) => fieldHeight(field, widths[i]!)));
      const height = Math.max(...heights.map((column) => column.reduce((a, b) => a + b, 0)));
      ensureRoom(height);
      const top = doc.y;
      let x = MARGIN;
      stacks.forEach((stack, i) => {
        let y = top;
        stack.forEach((field, j) => {
          const h = j === stack.length - 1 ? top + height - y : heights[i]![j]!;
          drawField(field, { x, y, w: widths[i]!, h });
          y += h;
        });
        x += widths[i]!;
      });
      doc.x = MARGIN;
      doc.y = top + height;
    },

    /** Space between blocks. */
    gap: (height = 8) => {
      doc.y += height;
    },

    heading: (text: string) => {
      ensureRoom(40);
      doc.fontSize(9.5).fillColor(colors.accent).text(text, MARGIN, doc.y, { width });
      doc.y += 2;
    },

    paragraph: (text: string, options: { size?: number; color?: string } = {}) => {
      doc.fontSize(options.size ?? 8.5);
      ensureRoom(doc.heightOfString(text, { width }));
      doc
        .fillColor(options.color ?? colors.text)
        .text(text, MARGIN, doc.y, { width })
        .moveDown(0.3);
    },

    /**
     * A ruled table. Cells wrap; a row that does not fit starts a new page
     * under a repeated header row. The last row and the totals row are kept
     * together, so totals never open a page on their own.
     */
    table: (columns: SheetColumn[], rows: string[][], options: { size?: number; totals?: string[] } = {}) => {
      const size = options.size ?? 8;
      const headers = columns.map((c) => c.header);
      const headerHeight = rowHeight(columns, headers, size - 0.5);
      const totalsHeight = options.totals ? rowHeight(columns, options.totals, size) : 0;
      const drawHeader = () =>
        drawCells(columns, headers, {
          top: doc.y,
          height: headerHeight,
          size: size - 0.5,
          fill: colors.fill,
          color: colors.dimmed,
        });
      const drawRow = (cells: string[], keepWith: number, fill?: string) => {
        const height = rowHeight(columns, cells, size);
        if (doc.y + height + keepWith > bottom()) {
          doc.addPage();
          drawHeader();
        }
        drawCells(columns, cells, { top: doc.y, height, size, fill });
      };
      ensureRoom(headerHeight + rowHeight(columns, rows[0] ?? headers, size));
      drawHeader();
      rows.forEach((row, i) => {
        drawRow(row, i === rows.length - 1 ? totalsHeight : 0);
      });
      if (options.totals) drawRow(options.totals, 0, colors.fill);
      doc.y += 6;
    },

    /** Where the issuer signs and stamps: the right half of the page, kept whole on one page. */
    signature: (block: { heading: string; names: string[]; caption: string }) => {
      const boxWidth = 240;
      const x = MARGIN + width - boxWidth;
      ensureRoom(110);
      const top = doc.y + 6;
      doc.fontSize(7.5).fillColor(colors.dimmed).text(block.heading, x, top, { width: boxWidth });
      doc.fontSize(9).fillColor(colors.text);
      textBlock(block.names.filter(Boolean).join('\n'), x, doc.y + 1, { width: boxWidth });
      const line = doc.y + 42;
      doc
        .moveTo(x, line)
        .lineTo(x + boxWidth, line)
        .strokeColor(colors.text)
        .stroke();
      doc
        .fontSize(7.5)
        .fillColor(colors.dimmed)
        .text(block.caption, x, line + 3, { width: boxWidth });
      doc.x = MARGIN;
    },

    /** Page numbers in the footer, then the finished file. */
    finish: (): Promise<Buffer> =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        doc.on('data', (chunk: Buffer) => chunks.push(chunk));
        doc.on('end', () => resolve(Buffer.concat(chunks)));
        doc.on('error', reject);
        const range = doc.bufferedPageRange();
        for (let i = range.start; i < range.start + range.count; i++) {
          doc.switchToPage(i);
          // The footer sits in the bottom margin, where pdfkit would otherwise start a new page.
          doc.page.margins.bottom = 0;
          doc
            .fontSize(7)
            .fillColor(colors.dimmed)
            .text(`${info.footer} · ${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 14, {
              width,
              align: 'center',
              lineBreak: false,
            });
        }
        doc.end();
      }),
  };
  return sheet;
};

export type Sheet = ReturnType<typeof createSheet>;
