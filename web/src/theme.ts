import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// A deep ocean blue: shade 7 on white is > 7:1, so links and buttons pass WCAG AA
// even at small sizes (Mantine's default blue.6 does not).
const lane: MantineColorsTuple = [
  '#e7f1fb',
  '#cfe1f5',
  '#9fc2ea',
  '#6ca1df',
  '#4486d5',
  '#2a74cf',
  '#1a63bb',
  '#0f4f9a',
  '#0b3f7c',
  '#062f5e',
];

export const theme = createTheme({
  primaryColor: 'lane',
  primaryShade: { light: 7, dark: 4 },
  colors: { lane },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Tradelane CJK", sans-serif',
  headings: { fontWeight: '700' },
});

// Mantine's dimmed grey (gray.6) and error red (red.6) are about 3.3:1 on white;
// one shade darker each passes WCAG AA for small text.
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
