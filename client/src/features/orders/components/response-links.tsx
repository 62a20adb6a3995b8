import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/async-state';
import { QrCode } from '@/components/qr-code';
import { WriteAlert } from '@/components/write-alert';
import { formatDateTime, useI18n } from '@/lib/i18n';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { createOrderLink, listOrderLinks, revokeOrderLink } from '../api/response-links';
import type { Order, OrderLinkCreated } from '../api/types';

/**
 * The FAX bridge (DESIGN §11): a response link with which the order's supplier answers without an account. The link
 * (and its QR code) is shown once, right after it is made — the service keeps only a hash of its token — and can be
 * handed on to the printed 注文書 (in the navigation state, never in a URL). Older links are listed to revoke.
 */
export function ResponseLinks({ order }: { order: Order }) {
  const { t, language } = useI18n();
  const links = useLoaded(`links-${order.id}`, (signal) => listOrderLinks(order.id, signal));
  const [created, setCreated] = useState<OrderLinkCreated | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const closed = order.status === 'closed' || order.status === 'cancelled' || order.status === 'rejected';

  async function create() {
    setBusy(true);
    setFailure(null);
    const result = await createOrderLink(order.id);
    setBusy(false);
    if (result.kind === 'ok') {
      setCreated(result.data);
      links.reload();
    } else {
      setFailure(result);
    }
  }

  async function revoke(linkId: string) {
    setBusy(true);
    setFailure(null);
    const result = await revokeOrderLink(order.id, linkId);
    setBusy(false);
    if (result.kind === 'ok') {
      if (created?.id === linkId) {
        setCreated(null);
      }
      links.reload();
    } else {
      setFailure(result);
    }
  }

  return (
    <div className="order-panel" data-testid="response-links">
      <h3>{t('orders.links')}</h3>
      <p className="muted">{t('orders.linksLead')}</p>
      {failure && <WriteAlert failure={failure} />}
      {created && (
        <div className="order-link" data-testid="link-created">
          <QrCode text={created.url} size="9rem" label={t('orders.linkQr')} testId="link-qr" />
          <div className="order-link__text">
            <p>
              <strong>{t('orders.linkOnce')}</strong>
            </p>
            <p className="order-link__url">
              <a href={created.url} data-testid="link-url">
                {created.url}
              </a>
            </p>
            <p className="muted">{t('orders.linkExpires', { at: formatDateTime(created.expiresAt, language) })}</p>
            <p>
              <Link className="button button--secondary" to={`/orders/${order.id}/print`} state={{ linkUrl: created.url }}>
                {t('orders.printWithLink')}
              </Link>
            </p>
          </div>
        </div>
      )}
      {!closed && (
        <p>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void create()}>
            {t('orders.linkCreate')}
          </button>
        </p>
      )}
      {links.state.kind === 'loading' && <LoadingState />}
      {links.state.kind === 'error' && <ErrorState error={links.state.error} onRetry={links.reload} />}
      {links.state.kind === 'ready' && links.state.data.length === 0 && <EmptyState>{t('orders.linksNone')}</EmptyState>}
      {links.state.kind === 'ready' && links.state.data.length > 0 && (
        <ul className="plain-list order-links" data-testid="link-list">
          {links.state.data.map((link) => {
            const gone = !!link.revokedAt || Date.parse(link.expiresAt) <= Date.now();
            return (
              <li key={link.id} data-testid="link-row" data-gone={gone || undefined}>
                {t('orders.linkRow', {
                  created: formatDateTime(link.createdAt, language),
                  expires: formatDateTime(link.expiresAt, language),
                })}
                {link.lastUsedAt && ` · ${t('orders.linkUsed', { at: formatDateTime(link.lastUsedAt, language) })}`}
                {link.revokedAt ? (
                  <> · <strong>{t('orders.linkRevoked')}</strong></>
                ) : gone ? (
                  <> · <strong>{t('orders.linkExpired')}</strong></>
                ) : (
                  <>
                    {' '}
                    <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => void revoke(link.id)}>
                      {t('orders.linkRevoke')}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
