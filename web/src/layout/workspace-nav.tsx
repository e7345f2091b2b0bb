import { Anchor, Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useInquiries, useMe } from '../api/queries';
import { useFormat } from '../format/use-format';

/** The signed-in member's workspaces: RFQs (a buyer's own, a supplier's feed) and the inquiry inbox. */
export const WorkspaceNav = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const kind = me.data?.company?.kind;
  const inbox = useInquiries(kind === 'buyer' || kind === 'supplier');
  if (kind !== 'buyer' && kind !== 'supplier') return null;
  const unread = inbox.data?.unread ?? 0;
  return (
    <Group gap="md" wrap="nowrap" component="nav" aria-label={t('header.workspace')}>
      <Anchor
        component={NavLink}
        to={kind === 'supplier' ? '/supplier/rfqs' : '/rfqs'}
        fz="sm"
        className="workspace-link"
        data-testid="nav-rfqs"
      >
        {kind === 'supplier' ? t('header.rfqFeed') : t('header.rfqs')}
      </Anchor>
      <Anchor
        component={NavLink}
        to="/inquiries"
        fz="sm"
        className="workspace-link"
        data-testid="nav-inquiries"
      >
        <Group gap={4} wrap="nowrap" component="span">
          {t('header.inquiries')}
          {unread > 0 && (
            <Badge size="xs" color="red.9" radius="xl" aria-label={t('inquiries.unread', { count: unread })}>
              {format.number(unread)}
            </Badge>
          )}
        </Group>
      </Anchor>
    </Group>
  );
};
