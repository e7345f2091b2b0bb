import { Text, type TextProps } from '@mantine/core';
import type { Growth } from '../../../../src/modules/insights/charts/index.js';
import { useIndexFormat } from './use-index-format';

/** A growth figure, green up and red down; a dash (no colour) when there is no base. */
export const GrowthText = ({ value, ...props }: { value: Growth } & TextProps) => {
  const f = useIndexFormat();
  const color = value === null ? 'dimmed' : value < 0 ? 'red.9' : 'green.9';
  return (
    <Text span c={color} {...props}>
      {f.growth(value)}
    </Text>
  );
};
