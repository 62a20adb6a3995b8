import type { OrderLegInput, OrderRouteInput } from './api/types';

// The order form's state and the arithmetic it shows while the buyer types. The service computes the amounts that
// count (api/Orders/OrderAmounts.cs); this follows the same rule so the form does not surprise: line amount =
// quantity × unit price; tax per rate on the rate's total, rounded down once per rate (as on a qualified invoice).

export interface LineDraft {
  itemName: string;
  partNumber: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  taxRate: 10 | 8;
}

export interface LegDraft {
  supplierId: string;
  supplierName: string;
  orderNumber: string;
  dueDate: string;
  leadDays: string;
  note: string;
  lines: LineDraft[];
}

export interface OrderDraft {
  requestId: string | null;
  deliveryAddress: string;
  legs: LegDraft[];
}

export interface Totals {
  lines: (number | null)[];
  taxes: { taxRate: 10 | 8; taxable: number; tax: number }[];
  subtotal: number;
  tax: number;
  total: number;
  /** False while a line's quantity or unit price is missing: the totals count only the complete lines. */
  complete: boolean;
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

/** What the form shows under a leg's lines. */
export function totalsOf(lines: readonly LineDraft[]): Totals {
  const amounts = lines.map((line) => {
    const quantity = wholeNumber(line.quantity);
    const price = wholeNumber(line.unitPrice);
    return quantity === null || price === null ? null : quantity * price;
  });
  const taxes = ([10, 8] as const)
    .map((taxRate) => {
      const taxable = lines.reduce((sum, line, i) => sum + (line.taxRate === taxRate ? (amounts[i] ?? 0) : 0), 0);
      return { taxRate, taxable, tax: Math.floor((taxable * taxRate) / 100) };
    })
    .filter((rate) => lines.some((line) => line.taxRate === rate.taxRate));
  const subtotal = amounts.reduce<number>((sum, amount) => sum + (amount ?? 0), 0);
  const tax = taxes.reduce((sum, rate) => sum + rate.tax, 0);
  return { lines: amounts, taxes, subtotal, tax, total: subtotal + tax, complete: amounts.every((a) => a !== null) };
}

export function emptyLine(itemName = '', quantity = ''): LineDraft {
  return { itemName, partNumber: '', quantity, unit: '個', unitPrice: '', taxRate: 10 };
}

/** YYYY-MM-DD of a local date. */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Today in the region the registry serves (Japan), whatever the reader's clock says: the service checks order,
 * shipment and milestone dates against its day (clock.RegionToday()), so a form must not default to a day that is
 * still yesterday elsewhere.
 */
export function regionToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return isoDay(new Date(y, m - 1, d + days));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Due dates for `legs` legs spread evenly from today to `due` (the request's due date; without one, or one already
 * past, 30 days from today): the last leg is due on `due`, each leg no earlier than the one before.
 */
export function spreadDueDates(legs: number, today: string, due: string | null | undefined): string[] {
  const end = due && due > today ? due : addDays(today, 30);
  const span = daysBetween(today, end);
  return Array.from({ length: legs }, (_, i) => addDays(today, Math.round((span * (i + 1)) / legs)));
}

/** A suggested order number: REQ-<the request's last 6>-<leg> for an award, PO-<date>-<time> for a direct order. */
export function suggestOrderNumber(requestId: string | null, leg: number, now: Date): string {
  if (requestId) {
    return `REQ-${requestId.replace(/-/g, '').slice(-6).toUpperCase()}-${leg}`;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `PO-${isoDay(now).replace(/-/g, '')}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

export interface AwardSource {
  requestId: string;
  title: string;
  quantity?: number | null;
  dueDate?: string | null;
  sites: readonly { id: string; name: string }[];
  deliveryAddress: string;
}

/** The form filled from an award: one leg per awarded site in step order, each with the request's item and quantity. */
export function draftFromAward(source: AwardSource, now: Date): OrderDraft {
  const dues = spreadDueDates(source.sites.length, regionToday(now), source.dueDate);
  return {
    requestId: source.requestId,
    deliveryAddress: source.deliveryAddress,
    legs: source.sites.map((site, i) => ({
      supplierId: site.id,
      supplierName: site.name,
      orderNumber: suggestOrderNumber(source.requestId, i + 1, now),
      dueDate: dues[i] ?? regionToday(now),
      leadDays: '',
      note: '',
      lines: [emptyLine(source.title, source.quantity ? String(source.quantity) : '')],
    })),
  };
}

/** A direct (repeat) order to one site. */
export function draftForSite(site: { id: string; name: string }, now: Date): OrderDraft {
  return {
    requestId: null,
    deliveryAddress: '',
    legs: [
      {
        supplierId: site.id,
        supplierName: site.name,
        orderNumber: suggestOrderNumber(null, 1, now),
        dueDate: spreadDueDates(1, regionToday(now), null)[0]!,
        leadDays: '',
        note: '',
        lines: [emptyLine()],
      },
    ],
  };
}

const toNumber = (text: string): number => (wholeNumber(text) ?? Number.NaN);

/**
 * The body of POST /api/v1/orders. A field the buyer left unreadable goes as it is (NaN becomes null in JSON), so
 * the service's validation message lands beside that field.
 */
export function toInput(draft: OrderDraft): OrderRouteInput {
  return {
    requestId: draft.requestId,
    deliveryAddress: draft.deliveryAddress.trim(),
    legs: draft.legs.map(
      (leg): OrderLegInput => ({
        supplierId: leg.supplierId,
        orderNumber: leg.orderNumber.trim(),
        dueDate: leg.dueDate,
        leadDays: leg.leadDays.trim() ? toNumber(leg.leadDays) : null,
        note: leg.note.trim() || null,
        lines: leg.lines.map((line) => ({
          itemName: line.itemName.trim(),
          partNumber: line.partNumber.trim() || null,
          quantity: toNumber(line.quantity),
          unit: line.unit.trim(),
          unitPrice: toNumber(line.unitPrice),
          taxRate: line.taxRate,
        })),
      }),
    ),
  };
}
