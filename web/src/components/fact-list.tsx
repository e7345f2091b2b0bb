import { SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type Fact = { label: string; value: ReactNode };

/** Label/value pairs as a real description list, so screen readers pair them. */
export const FactList = ({
  facts,
  cols = 1,
}: {
  facts: Fact[];
  cols?: number | { base: number; sm: number };
}) => (
  <SimpleGrid component="dl" cols={cols} spacing="sm" verticalSpacing="xs" m={0}>
    {facts.map((fact) => (
      <Stack key={fact.label} gap={0}>
        <Text component="dt" fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.02em' }}>
          {fact.label}
        </Text>
        <Text component="dd" fz="sm" m={0}>
          {fact.value}
        </Text>
      </Stack>
    ))}
  </SimpleGrid>
);
