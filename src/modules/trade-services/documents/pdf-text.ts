import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

// pdf.js's legacy build runs in Node with its "fake worker" (the worker module
// imported into this thread), so nothing is fetched and no worker file is set.

const withPdf = async <T>(pdf: Buffer | Uint8Array, read: (document: PDFDocumentProxy) => Promise<T>) => {
  // pdf.js may detach the array it is given, so it gets a copy.
  const loading = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  try {
    return await read(await loading.promise);
  } finally {
    await loading.destroy();
  }
};

/**
 * The text of a PDF, one string per page, as a reader copying it would get it
 * (through the fonts' ToUnicode maps; a character the font lacks comes out as
 * U+0000). Text runs are joined by a space, lines by a newline.
 */
export const extractPdfText = (pdf: Buffer | Uint8Array): Promise<string[]> =>
  withPdf(pdf, async (document) => {
    const pages: string[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const runs = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''));
      pages.push(runs.join('').replace(/ +\n/g, '\n').trim());
      page.cleanup();
    }
    return pages;
  });

/** The document information a viewer shows (title, author) and the page count. */
export const extractPdfInfo = (pdf: Buffer | Uint8Array) =>
  withPdf(pdf, async (document) => {
    const { info } = (await document.getMetadata()) as { info: { Title?: string; Author?: string } };
    return { title: info.Title ?? null, author: info.Author ?? null, pageCount: document.numPages };
  });
