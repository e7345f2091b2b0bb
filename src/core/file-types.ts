/** A file type recognised by its first bytes: the declared type and name are never trusted. */
export type FileType = { type: string; ext: string; matches: (b: Buffer) => boolean };

export const imageTypes: readonly FileType[] = [
  { type: 'image/jpeg', ext: 'jpg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: 'image/png',
    ext: 'png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
  },
  {
    type: 'image/webp',
    ext: 'webp',
    matches: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

export const pdfType: FileType = {
  type: 'application/pdf',
  ext: 'pdf',
  matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

export const detectFileType = (data: Buffer, allowed: readonly FileType[]) =>
  allowed.find((t) => t.matches(data));
