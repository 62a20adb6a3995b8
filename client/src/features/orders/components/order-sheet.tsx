import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { NotFound } from '@/components/not-found';
import { QrCode } from '@/components/qr-code';
import { WriteAlert } from '@/components/write-alert';
import { formatIsoDate, formatYen, joinList, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure } from '@/lib/write-result';
import { getOrder } from '../api/get-order';
import { createOrderLink } from '../api/response-links';
import type { Order } from '../api/types';
import { useViewer } from '../hooks/use-viewer';
import { OrderLines } from './order-lines';
import './order-sheet.css';

export type SheetKind = 'order' | 'acknowledgement';

/**
 * 注文書 / 注文請書 as an A4 sheet to print or save as PDF — for the firm that takes orders by FAX. The 注文書 carries a
 * QR code of the order's response link when one is at hand: its token exists only in the answer that made it, so it
 * comes from the route page (navigation state) or is made here by the buyer; it is never put in this page's URL.
 */
export function OrderSheet({ id, kind, linkUrl }: { id: string; kind: SheetKind; linkUrl: string | null }) {
  const { t } = useI18n();
  const order = useLoaded(`sheet-${id}`, (signal) => getOrder(id, signal));
  const viewerOf = useViewer();
  const [url, setUrl] = useState(linkUrl);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [busy, setBusy] = useState(false);

  if (order.state.kind === 'loading') {
    return <LoadingState />;
  }
  if (order.state.kind === 'error') {
    if (order.state.error instanceof ApiError && order.state.error.status === 404) {
      return <NotFound heading={t('orders.notFound')} body={t('orders.notFoundBody')} back={{ to: '/orders', label: t('orders.backToList') }} />;
    }
    return <ErrorState error={order.state.error} onRetry={order.reload} />;
  }
  const data = order.state.data;

  async function makeLink() {
    setBusy(true);
    setFailure(null);
    const result = await createOrderLink(id);
    setBusy(false);
    if (result.kind === 'ok') {
      setUrl(result.data.url);
    } else {
      setFailure(result);
    }
  }

  return (
    <div className="order-sheet-page">
      <div className="order-sheet-toolbar" data-testid="sheet-toolbar">
        <Link to={`/orders/${id}`}>{t('orders.sheet.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('orders.sheet.print')}
        </button>
        {kind === 'order' && !url && viewerOf(data).buyer && (
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void makeLink()} data-testid="sheet-make-link">
            {t('orders.sheet.makeLink')}
          </button>
        )}
        <p className="muted order-sheet-toolbar__hint">{t(kind === 'order' ? 'orders.sheet.hint' : 'orders.sheet.hintAck')}</p>
        {failure && <WriteAlert failure={failure} />}
      </div>
      <OrderSheetView order={data} kind={kind} linkUrl={kind === 'order' ? url : null} />
    </div>
  );
}

export function OrderSheetView({ order, kind, linkUrl, printedOn = new Date() }: { order: Order; kind: SheetKind; linkUrl: string | null; printedOn?: Date }) {
  const { t, language } = useI18n();
  const title = t(kind === 'order' ? 'orders.sheet.order' : 'orders.sheet.acknowledgement');
  usePageTitle(`${order.orderNumber} ${title}`, 1);
  // A 注文書 goes from the buyer to the supplier; the 注文請書 back from the supplier to the buyer.
  const [to, from] = kind === 'order' ? [order.supplier, order.buyer] : [order.buyer, order.supplier];
  return (
    <article className="order-sheet" data-testid="order-sheet" data-kind={kind} lang={language}>
      <header className="order-sheet__head">
        <h1 className="order-sheet__title">{title}</h1>
        <dl className="order-sheet__ids">
          <dt>{t('orders.orderNumber')}</dt>
          <dd data-testid="sheet-order-number">{order.orderNumber}</dd>
          <dt>{t('orders.orderedOn')}</dt>
          <dd>{formatIsoDate(order.orderedOn)}</dd>
          {kind === 'acknowledgement' && order.answeredAt && (
            <>
              <dt>{t('orders.sheet.acknowledgedOn')}</dt>
              <dd>{formatIsoDate(order.answeredAt)}</dd>
            </>
          )}
        </dl>
      </header>
      <div className="order-sheet__parties">
        <div className="order-sheet__to">
          <p className="order-sheet__to-name" data-testid="sheet-to">
            {to.name} {t('orders.sheet.onchu')}
          </p>
          {to.address && <p>{to.address}</p>}
          <p className="order-sheet__lead">{t(kind === 'order' ? 'orders.sheet.leadOrder' : 'orders.sheet.leadAck')}</p>
        </div>
        <dl className="order-sheet__from">
          <dt>{t(kind === 'order' ? 'orders.buyer' : 'orders.supplier')}</dt>
          <dd data-testid="sheet-from">{from.name}</dd>
          {from.address && <dd>{from.address}</dd>}
          <dt>{t(kind === 'order' ? 'orders.supplier' : 'orders.buyer')}</dt>
          <dd>{to.name}</dd>
        </dl>
      </div>
      <p className="order-sheet__amount">
        <span>{t('orders.sheet.totalWithTax')}</span>
        <strong data-testid="sheet-total">{formatYen(order.total, language)}</strong>
      </p>
      <dl className="order-sheet__facts">
        <dt>{t('orders.dueDate')}</dt>
        <dd data-testid="sheet-due">{formatIsoDate(order.dueDate)}</dd>
        <dt>{t('orders.sheet.deliveryPlace')}</dt>
        <dd data-testid="sheet-delivery">
          {order.shipTo.name}
          {order.shipTo.address && order.shipTo.address !== order.shipTo.name && ` ${order.shipTo.address}`}
        </dd>
        <dt>{t('orders.qaDocuments')}</dt>
        <dd>{order.qaDocuments.length > 0 ? joinList(order.qaDocuments.map((qa) => t(`orders.qa.${qa}`)), language) : t('orders.sheet.none')}</dd>
        {order.legs > 1 && (
          <>
            <dt>{t('orders.sheet.route')}</dt>
            <dd>{t('orders.legOf', { leg: order.leg, legs: order.legs })}</dd>
          </>
        )}
      </dl>
      <OrderLines order={order} className="order-sheet__table" />
      {order.note && (
        <section className="order-sheet__note">
          <h2>{t('orders.note')}</h2>
          <p>{order.note}</p>
        </section>
      )}
      {linkUrl && (
        <section className="order-sheet__respond" data-testid="sheet-respond">
          <QrCode text={linkUrl} size="26mm" label={t('orders.linkQr')} testId="sheet-qr" />
          <div>
            <h2>{t('orders.sheet.respondHeading')}</h2>
            <p>{t('orders.sheet.respondBody')}</p>
            <p className="order-sheet__url">{linkUrl}</p>
          </div>
        </section>
      )}
      <footer className="order-sheet__foot">
        <p>
          {t('orders.sheet.printedOn', { date: formatIsoDate(printedOn) })} · {t('orders.sheet.source', { name: t('app.name') })}
        </p>
      </footer>
    </article>
  );
}
