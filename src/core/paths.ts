import { fileURLToPath } from 'node:url';

/** The reference data shipped with the product (repository `data/`). */
export const dataFile = (relativePath: string) =>
  fileURLToPath(new URL(`../../data/${relativePath}`, import.meta.url));
