import {
  type CSSVariablesResolver,
  createTheme,
  darken,
  type MantineColorsTuple,
  Table,
} from '@mantine/core';

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

// Mantine's darkest orange (#d9480f, 4.3:1) and green (#2b8a3e, 4.4:1) carry white badge text and
// coloured small text below WCAG AA; their shade 9 here is one step darker (5.7:1 and 6.0:1).
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#f76707',
  '#e8590c',
  '#b83d0d',
];
const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#37b24d',
  '#2f9e44',
  '#237032',
];

export const theme = createTheme({
  primaryColor: 'lane',
  primaryShade: { light: 7, dark: 4 },
  colors: { lane, orange, green },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Tradelane CJK", sans-serif',
  headings: { fontWeight: '700' },
  components: {
    // A table wider than a phone scrolls sideways: its viewport takes focus so a keyboard can scroll it too.
    TableScrollContainer: Table.ScrollContainer.extend({
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    }),
  },
});

// Mantine's dimmed grey (gray.6) and error red (red.6) are about 3.3:1 on white;
// one shade darker each passes WCAG AA for small text.
// The "light" variant (Alert titles, light badges and buttons) writes shade 7 on a 10 % tint of the
// colour: 2–3.4:1 for teal, green, orange, red, yellow. Its text takes the darkest shade, darkened a
// quarter more: at least 4.7:1 for every colour (axe found an Alert title at 2.8:1).
const lightVariantText = (t: Parameters<CSSVariablesResolver>[0]) =>
  Object.fromEntries(
    Object.entries(t.colors).map(([name, shades]) => [
      `--mantine-color-${name}-light-color`,
      darken(shades[9], 0.25),
    ]),
  );

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    ...lightVariantText(t),
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
