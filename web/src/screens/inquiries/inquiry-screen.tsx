import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Collapse,
  Container,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { issuesByField, validationIssues } from '../../api/field-errors';
import { useInquiry, useMarkInquiryRead, useSendInquiryMessage } from '../../api/queries';
import type { InquiryMessage, InquiryThread } from '../../api/types';
import { AttachmentPicker, useAttachments } from '../../components/attachment-picker';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { InquiryTermsFields, useInquiryTerms } from './inquiry-terms';

export const InquiryScreen = () => <SignedInGate>{(me) => <Thread me={me} />}</SignedInGate>;

const Thread = ({ me }: { me: Member }) => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const thread = useInquiry(id);
  const markRead = useMarkInquiryRead(id);
  useDocumentTitle(thread.data?.subject);

  // Opening the thread reads it: the unread badge and the sender's notification clear.
  // Once per visit: a failure is not retried in a loop.
  const unread = thread.data?.unread ?? 0;
  const { mutate: markAsRead } = markRead;
  const marked = useRef<string | null>(null);
  useEffect(() => {
    if (unread > 0 && marked.current !== id) {
      marked.current = id;
      markAsRead();
    }
  }, [unread, id, markAsRead]);

  if (thread.isError && isNotFound(thread.error)) return <NotFound />;
  if (thread.isError) {
    return (
      <Container size="md" py="lg">
        <QueryError error={thread.error} onRetry={() => thread.refetch()} />
      </Container>
    );
  }
  if (!thread.data) {
    return (
      <Container size="md" py="lg" aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={240} mt="lg" />
      </Container>
    );
  }
  const data = thread.data;
  const mine = me.company.id;
  const other = data.supplier.id === mine ? data.buyer : data.supplier;

  return (
    <Container size="md" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/inquiries" fz="sm">
            {t('inquiries.back')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4} data-testid="inquiry-subject">
            {data.subject}
          </Title>
          <Group gap="xs">
            <Text fz="sm" c="dimmed">
              {t('inquiries.with', { company: other.name, country: format.country(other.country) })}
            </Text>
            {data.productId && (
              <Anchor component={Link} to={`/products/${data.productId}`} fz="sm">
                {t('inquiries.product')}
              </Anchor>
            )}
          </Group>
        </div>
        <Stack
          gap="sm"
          component="ol"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          data-testid="messages"
        >
          {data.messages.map((message) => (
            <li key={message.id}>
              <MessageBubble message={message} thread={data} mine={message.fromCompanyId === mine} />
            </li>
          ))}
        </Stack>
        <Reply inquiryId={data.id} lastCurrency={lastCurrency(data)} />
      </Stack>
    </Container>
  );
};

const lastCurrency = (thread: InquiryThread) =>
  [...thread.messages].reverse().find((m) => m.targetPrice)?.targetPrice?.currency ?? 'USD';

const MessageBubble = ({
  message,
  thread,
  mine,
}: {
  message: InquiryMessage;
  thread: InquiryThread;
  mine: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const from = message.fromCompanyId === thread.buyer.id ? thread.buyer : thread.supplier;
  return (
    <Box style={{ display: 'flex', justifyContent: mine ? 'flex-end' : 'flex-start' }}>
      <Paper
        withBorder
        p="sm"
        radius="md"
        maw="85%"
        bg={mine ? 'lane.0' : 'white'}
        data-testid="message"
        data-mine={mine}
      >
        <Stack gap={4}>
          <Group gap="xs" justify="space-between">
            <Text fz="xs" fw={700}>
              {mine ? t('inquiries.you') : from.name}
            </Text>
            <Text fz="xs" c="dimmed">
              {format.dateTime(message.createdAt)}
            </Text>
          </Group>
          <Text fz="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
          {(message.quantity !== null || message.targetPrice) && (
            <Group gap="xs">
              {message.quantity !== null && (
                <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                  {t('inquiries.quantity', { quantity: format.number(message.quantity) })}
                </Badge>
              )}
              {message.targetPrice && (
                <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                  {t('inquiries.targetPrice', { price: format.money(message.targetPrice) })}
                </Badge>
              )}
            </Group>
          )}
          {message.attachments.map((file) => (
            <Anchor key={file.id} href={file.url} fz="sm">
              {file.fileName}
            </Anchor>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
};

type ReplyErrors = Partial<Record<'message' | 'quantity' | 'targetPrice' | 'currency', string>>;

const Reply = ({ inquiryId, lastCurrency: initialCurrency }: { inquiryId: string; lastCurrency: string }) => {
  const { t } = useTranslation();
  const send = useSendInquiryMessage(inquiryId);
  const attachments = useAttachments();
  const [message, setMessage] = useState('');
  const [extrasOpen, setExtrasOpen] = useState(false);
  const terms = useInquiryTerms({ quantity: '', currency: initialCurrency });
  const [errors, setErrors] = useState<ReplyErrors>({});
  const box = useRef<HTMLTextAreaElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: ReplyErrors = {};
    if (!message.trim()) next.message = t('inquiries.errors.empty');
    else if (message.length > 5000) next.message = t('forms.tooLong', { max: 5000 });
    const checked = terms.check();
    Object.assign(next, checked.errors);
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    if (!attachments.ready()) return;
    send.mutate(
      {
        message: message.trim(),
        ...checked.values,
        attachmentIds: attachments.ids,
      },
      {
        onSuccess: () => {
          setMessage('');
          attachments.reset();
          terms.reset();
          setExtrasOpen(false);
          box.current?.focus();
        },
        onError: (error) => {
          const byField = issuesByField(error, (key) =>
            ['message', 'quantity', 'targetPrice', 'currency'].includes(key),
          );
          const mapped: ReplyErrors = {};
          for (const [key, text] of Object.entries(byField)) {
            mapped[(key || 'message') as keyof ReplyErrors] = t('forms.serverIssue', { message: text });
          }
          setErrors(mapped);
        },
      },
    );
  };

  return (
    <Card
      withBorder
      padding="md"
      component="form"
      onSubmit={submit}
      noValidate
      aria-label={t('inquiries.reply')}
    >
      <Stack gap="sm">
        {send.isError && validationIssues(send.error).length === 0 && <FormError error={send.error} />}
        <Textarea
          ref={box}
          label={t('inquiries.reply')}
          autosize
          minRows={3}
          maxRows={10}
          value={message}
          onChange={(event) => {
            setMessage(event.currentTarget.value);
            setErrors((e) => ({ ...e, message: undefined }));
          }}
          error={errors.message}
          data-testid="reply-message"
        />
        <Collapse in={extrasOpen}>
          <InquiryTermsFields terms={terms} errors={errors} quantityLabel={t('inquiries.quantityLabel')} />
        </Collapse>
        <AttachmentPicker attachments={attachments} disabled={send.isPending} />
        <Group justify="space-between">
          <Button
            variant="subtle"
            size="xs"
            onClick={() => setExtrasOpen((open) => !open)}
            aria-expanded={extrasOpen}
          >
            {extrasOpen ? t('inquiries.hideExtras') : t('inquiries.addExtras')}
          </Button>
          <Button type="submit" loading={send.isPending} data-testid="send-reply">
            {t('inquiries.send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
};
