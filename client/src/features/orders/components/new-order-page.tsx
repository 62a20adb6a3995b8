import { ErrorState, LoadingState } from '@/components/async-state';
import { getSupplier } from '@/lib/api/suppliers';
import { useI18n } from '@/lib/i18n';
import { loadPrefecturePlaces } from '@/lib/places';
import { useLoaded } from '@/lib/use-loaded';
import { getAwardedRequest, type AwardedRequest } from '../api/get-award';
import { draftForSite, draftFromAward, type OrderDraft } from '../order-draft';
import { OrderForm } from './order-form';
import './orders.css';

/** A site's name, or its id when the API will not show it. */
async function siteName(id: string, signal: AbortSignal): Promise<string> {
  try {
    return (await getSupplier(id, signal)).nameJa;
  } catch (error) {
    if (signal.aborted) {
      throw error;
    }
    return id;
  }
}

/** Where the request is to be served, in words, as a first guess at the delivery place (the buyer corrects it). */
async function placeOf(request: AwardedRequest): Promise<string> {
  const place = request.request.region.centrePlace ?? '';
  if (/^\d{6}$/.test(place)) {
    const municipality = (await loadPrefecturePlaces(place.slice(0, 2)).catch(() => null))?.get(place);
    return municipality ? municipality.nameJa : place;
  }
  return /^\d{3}-\d{4}$/.test(place) ? `〒${place}` : place;
}

async function loadDraft(requestId: string | null, supplierId: string | null, signal: AbortSignal): Promise<OrderDraft> {
  const now = new Date();
  if (requestId) {
    const request = await getAwardedRequest(requestId, signal);
    const ids = request.awardedChain?.length ? request.awardedChain : request.awardedSupplierId ? [request.awardedSupplierId] : [];
    if (request.status !== 'awarded' || ids.length === 0) {
      throw new NotAwarded();
    }
    const names = await Promise.all(ids.map((id) => siteName(id, signal)));
    return draftFromAward(
      {
        requestId,
        title: request.request.title,
        quantity: request.request.quantity,
        dueDate: request.request.dueDate,
        sites: ids.map((id, i) => ({ id, name: names[i] ?? id })),
        deliveryAddress: await placeOf(request),
      },
      now,
    );
  }
  if (supplierId) {
    return draftForSite({ id: supplierId, name: await siteName(supplierId, signal) }, now);
  }
  throw new NotAwarded();
}

class NotAwarded extends Error {}

/**
 * 注文を作成: from an awarded request (?requestId=…: one leg per awarded site, in step order) or directly to one site
 * (?supplierId=…, e.g. a repeat order from the site's profile).
 */
export function NewOrderPage({ requestId, supplierId }: { requestId: string | null; supplierId: string | null }) {
  const { t } = useI18n();
  const draft = useLoaded(`new-order-${requestId}-${supplierId}`, (signal) => loadDraft(requestId, supplierId, signal));

  return (
    <div className="orders">
      <section className="card" aria-labelledby="new-order-heading">
        <h1 id="new-order-heading">{t(requestId ? 'orders.newFromAward' : 'orders.newDirect')}</h1>
        <p className="muted">{t('orders.newLead')}</p>
        {draft.state.kind === 'loading' && <LoadingState />}
        {draft.state.kind === 'error' &&
          (draft.state.error instanceof NotAwarded ? (
            <p role="alert" data-testid="not-awarded">
              {t('orders.notAwarded')}
            </p>
          ) : (
            <ErrorState error={draft.state.error} onRetry={draft.reload} />
          ))}
        {draft.state.kind === 'ready' && <OrderForm initial={draft.state.data} />}
      </section>
    </div>
  );
}
