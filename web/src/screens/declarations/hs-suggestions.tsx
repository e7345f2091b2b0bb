import {
  Button,
  CloseButton,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useHsSuggestions } from '../../api/declaration-queries';
import type { HsSuggestion } from '../../api/declaration-types';
import { useFormat } from '../../format/use-format';

/** Typing pauses this long before the server is asked. */
const DEBOUNCE_MS = 300;
export const MIN_SUGGEST_CHARS = 3;

type Props = {
  /** The product's words (a line's description, a product's title). */
  text: string;
  /** The code the field holds now: its suggestion is marked. */
  current: string;
  onPick: (suggestion: HsSuggestion) => void;
  onClose: () => void;
  testId?: string;
};

/**
 * The five likeliest HS subheadings of what the user typed, each with how
 * sure the suggestion is; a click fills the HS code field.
 */
export const HsSuggestions = ({ text, current, onPick, onClose, testId = 'hs-suggestions' }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const tooShort = debounced.length < MIN_SUGGEST_CHARS;
  const suggest = useHsSuggestions(tooShort ? '' : debounced);
  const suggestions = tooShort ? [] : (suggest.data?.suggestions ?? []);
  const typing = text.trim() !== debounced || suggest.isFetching;
  return (
    <Paper withBorder radius="sm" p="xs" bg="gray.0" data-testid={testId} aria-live="polite">
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={4}>
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text fz="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.02em' }}>
            {t('hsSuggest.title')}
          </Text>
          {typing && !tooShort && <Loader size={12} aria-label={t('hsSuggest.loading')} />}
        </Group>
        <CloseButton size="sm" aria-label={t('hsSuggest.close')} onClick={onClose} />
      </Group>
      {tooShort && (
        <Text fz="xs" c="dimmed">
          {t('hsSuggest.typeMore', { n: MIN_SUGGEST_CHARS })}
        </Text>
      )}
      {!tooShort && suggest.isError && (
        <Text fz="xs" c="red.9" role="alert">
          {t('hsSuggest.failed')}
        </Text>
      )}
      {!tooShort && suggest.isSuccess && suggestions.length === 0 && !typing && (
        <Text fz="xs" c="dimmed" data-testid="hs-suggestions-empty">
          {t('hsSuggest.none')}
        </Text>
      )}
      {suggestions.length > 0 && (
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {suggestions.map((s) => {
            const picked = s.code === current;
            return (
              <li key={s.code}>
                <UnstyledButton
                  onClick={() => onPick(s)}
                  w="100%"
                  p={6}
                  className="inbox-row"
                  style={{
                    borderRadius: 'var(--mantine-radius-sm)',
                    background: picked ? 'var(--mantine-color-lane-0)' : undefined,
                  }}
                  aria-pressed={picked}
                  aria-label={t('hsSuggest.pick', {
                    code: s.code,
                    description: s.description,
                    confidence: format.percent(s.confidence),
                  })}
                  data-testid="hs-suggestion"
                  data-code={s.code}
                >
                  <Group gap="sm" wrap="nowrap" align="center">
                    <Text ff="monospace" fw={700} fz="sm" c="lane.8" style={{ flexShrink: 0 }}>
                      {s.code}
                    </Text>
                    <Text fz="xs" lineClamp={2} style={{ flex: 1, minWidth: 0 }} title={s.headingDescription}>
                      {s.description}
                    </Text>
                    <Stack gap={2} w={64} style={{ flexShrink: 0 }} align="stretch">
                      <Text fz={11} ta="right" c="dimmed" lh={1}>
                        {format.percent(s.confidence)}
                      </Text>
                      <Progress
                        value={Math.max(2, Math.round(s.confidence * 100))}
                        size="sm"
                        color={s.confidence >= 0.5 ? 'teal.8' : s.confidence >= 0.2 ? 'lane.6' : 'gray.5'}
                        aria-hidden
                      />
                    </Stack>
                  </Group>
                </UnstyledButton>
              </li>
            );
          })}
        </Stack>
      )}
      <Text fz={11} c="dimmed" mt={4}>
        {t('hsSuggest.hint')}
      </Text>
    </Paper>
  );
};

/** The button that opens the suggestions for a field on demand. */
export const SuggestButton = ({
  onClick,
  disabled,
  testId = 'hs-suggest',
}: {
  onClick: () => void;
  disabled?: boolean;
  testId?: string;
}) => {
  const { t } = useTranslation();
  return (
    <Button
      variant="light"
      size="compact-sm"
      onClick={onClick}
      disabled={disabled}
      data-testid={testId}
      style={{ flexShrink: 0 }}
    >
      {t('hsSuggest.button')}
    </Button>
  );
};
