import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { dataFile } from '../../../core/paths.js';
import { palette } from '../charts/index.js';
import { chartSvg } from './chart-svg.js';

/** The one font of the report: it holds Latin, Spanish accents and simplified Chinese. */
const FONT = 'NotoSansSC';
const MARGIN = 40;

export type Column = { header: string; width: number; align?: 'left' | 'right' };

/**
 * An A4 report written top to bottom: headings, paragraphs, figures, charts
 * and tables, each starting a new page when it would not fit.
 */
export const createReportDocument = (info: { title: string; lang: string }) => {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: info.lang,
    info: { Title: info.title, Author: 'Tradelane', Subject: info.title },
    bufferPages: true,
  });
  doc.registerFont(FONT, dataFile('fonts/NotoSansSC-Regular.woff'));
  doc.font(FONT).fillColor(palette.text);
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const layout = {
    doc,
    width,
    title: (text: string) => {
      doc.fontSize(22).fillColor(palette.mapHigh).text(text, { width });
      doc.moveDown(0.2);
    },
    heading: (text: string, minBody = 120) => {
      ensureRoom(28 + minBody);
      doc.moveDown(0.6);
      doc.fontSize(14).fillColor(palette.mapHigh).text(text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
    },
    paragraph: (text: string, options: { size?: number; color?: string } = {}) => {
      doc
        .fontSize(options.size ?? 10)
        .fillColor(options.color ?? palette.dimmed)
        .text(text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
    },
    /** Headline figures side by side: a label, a big value and a smaller note (growth). */
    figures: (items: { label: string; value: string; note: string; noteColor: string }[]) => {
      ensureRoom(70);
      const top = doc.y;
      const boxWidth = (width - 12 * (items.length - 1)) / items.length;
      items.forEach((item, i) => {
        const x = MARGIN + i * (boxWidth + 12);
        doc.roundedRect(x, top, boxWidth, 62, 6).fillColor('#f1f6fc').fill();
        doc
          .fontSize(9)
          .fillColor(palette.dimmed)
          .text(item.label, x + 10, top + 8, { width: boxWidth - 20 });
        doc
          .fontSize(16)
          .fillColor(palette.text)
          .text(item.value, x + 10, top + 21, { width: boxWidth - 20 });
        doc
          .fontSize(9)
          .fillColor(item.noteColor)
          .text(item.note, x + 10, top + 44, { width: boxWidth - 20 });
      });
      doc.x = MARGIN;
      doc.y = top + 72;
    },
    /** An ECharts option drawn as vector graphics at the full text width. */
    chart: (option: Parameters<typeof chartSvg>[0], height: number) => {
      ensureRoom(height);
      const svg = chartSvg(option, { width: Math.round(width), height });
      SVGtoPDF(doc, svg, MARGIN, doc.y, {
        width,
        height,
        assumePt: true,
        fontCallback: () => FONT,
      });
      doc.x = MARGIN;
      doc.y += height + 6;
    },
    table: (columns: Column[], rows: string[][]) => {
      const rowHeight = 16;
      const header = () => {
        ensureRoom(rowHeight * 2);
        drawRow(
          columns.map((c) => c.header),
          palette.dimmed,
        );
        doc
          .moveTo(MARGIN, doc.y - 3)
          .lineTo(MARGIN + width, doc.y - 3)
          .strokeColor(palette.grid)
          .stroke();
      };
      const drawRow = (cells: string[], color: string) => {
        const top = doc.y;
        let x = MARGIN;
        doc.fontSize(8.5).fillColor(color);
        cells.forEach((cell, i) => {
          const column = columns[i]!;
          // One line per row: a longer cell is cut with an ellipsis, not wrapped over the next row.
          doc.text(cell, x + 2, top, {
            width: column.width - 4,
            height: rowHeight - 4,
            align: column.align ?? 'left',
            ellipsis: true,
          });
          x += column.width;
        });
        doc.x = MARGIN;
        doc.y = top + rowHeight;
      };
      header();
      for (const row of rows) {
        if (doc.y + rowHeight > bottom()) {
          doc.addPage();
          header();
        }
        drawRow(row, palette.text);
      }
      doc.moveDown(0.5);
    },
    /** Page numbers in the footer, then the finished file. */
    finish: (footer: string): Promise<Buffer> =>
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
            .fontSize(8)
            .fillColor(palette.dimmed)
            .text(`${footer} · ${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN + 12, {
              width,
              align: 'center',
              lineBreak: false,
            });
        }
        doc.end();
      }),
  };
  return layout;
};
