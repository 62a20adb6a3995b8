import { describe, expect, it } from 'vitest';
import { order } from '@/testing/order-fixtures';
import { draftFromAward, emptyLine, spreadDueDates, suggestOrderNumber, toInput, totalsOf } from './order-draft';
import { buyerActions, supplierActions } from './order-rules';

describe('the order form arithmetic (display only; the service computes the amounts that count)', () => {
  it('rounds the tax down once per rate, not per line', () => {
    const totals = totalsOf([
      { ...emptyLine('A', '3'), unitPrice: '333' },
      { ...emptyLine('B', '1'), unitPrice: '5' },
      { ...emptyLine('C', '7'), unitPrice: '13', taxRate: 8 },
    ]);
    expect(totals.lines).toEqual([999, 5, 91]);
    // 10 %: 1,004 → 100 (per line it would be 99 + 0); 8 %: 91 → 7.
    expect(totals.taxes).toEqual([
      { taxRate: 10, taxable: 1004, tax: 100 },
      { taxRate: 8, taxable: 91, tax: 7 },
    ]);
    expect(totals).toMatchObject({ subtotal: 1095, tax: 107, total: 1202, complete: true });
  });

  it('leaves a line without a price out of the totals and says the totals are incomplete', () => {
    const totals = totalsOf([{ ...emptyLine('A', '10'), unitPrice: '' }, { ...emptyLine('B', '2'), unitPrice: '50' }]);
    expect(totals.lines).toEqual([null, 100]);
    expect(totals).toMatchObject({ subtotal: 100, tax: 10, total: 110, complete: false });
  });

  it('spreads due dates up to the request due date, the last leg on it', () => {
    expect(spreadDueDates(4, '2030-05-01', '2030-05-21')).toEqual(['2030-05-06', '2030-05-11', '2030-05-16', '2030-05-21']);
    // Without a due date, or one already past: 30 days ahead.
    expect(spreadDueDates(2, '2030-05-01', null)).toEqual(['2030-05-16', '2030-05-31']);
    expect(spreadDueDates(1, '2030-05-01', '2030-04-01')).toEqual(['2030-05-31']);
  });

  it('fills one leg per awarded site in step order, with the request title, quantity and numbered order numbers', () => {
    const draft = draftFromAward(
      {
        requestId: '019a0000-0000-7000-8000-00000000abcd',
        title: 'ブラケット',
        quantity: 500,
        dueDate: '2030-05-31',
        sites: [
          { id: 'a', name: '豊田精工' },
          { id: 'b', name: '三河メッキ' },
        ],
        deliveryAddress: '豊田市',
      },
      new Date(2030, 4, 1, 9, 30),
    );
    expect(draft.legs.map((leg) => [leg.supplierId, leg.orderNumber, leg.dueDate])).toEqual([
      ['a', 'REQ-00ABCD-1', '2030-05-16'],
      ['b', 'REQ-00ABCD-2', '2030-05-31'],
    ]);
    expect(draft.legs[0]!.lines).toEqual([{ itemName: 'ブラケット', partNumber: '', quantity: '500', unit: '個', unitPrice: '', taxRate: 10 }]);
    expect(suggestOrderNumber(null, 1, new Date(2030, 4, 1, 9, 5))).toBe('PO-20300501-0905');
  });

  it('sends what the buyer typed, trimmed, with numbers as numbers', () => {
    const draft = draftFromAward(
      { requestId: 'r', title: ' ブラケット ', quantity: 5, dueDate: null, sites: [{ id: 'a', name: 'A' }], deliveryAddress: ' 豊田市 ' },
      new Date(2030, 4, 1),
    );
    draft.legs[0]!.lines[0]!.unitPrice = '120';
    const input = toInput(draft);
    expect(input.deliveryAddress).toBe('豊田市');
    expect(input.legs[0]).toMatchObject({ supplierId: 'a', leadDays: null, note: null });
    expect(input.legs[0]!.lines[0]).toEqual({ itemName: 'ブラケット', partNumber: null, quantity: 5, unit: '個', unitPrice: 120, taxRate: 10 });
  });
});

describe('which steps each party sees', () => {
  it('offers the supplier accept, reject and propose on a sent order, and the buyer only cancel', () => {
    expect(supplierActions(order())).toEqual(['accept', 'reject', 'propose']);
    expect(buyerActions(order())).toEqual(['cancel']);
  });

  it('offers receipt only once everything shipped, and no more shipments then', () => {
    const partly = order({ status: 'shipped', shippedQuantity: 50 });
    expect(buyerActions(partly)).toEqual([]);
    expect(supplierActions(partly)).toEqual(['progress', 'ship']);
    const all = order({ status: 'shipped', shippedQuantity: 103 });
    expect(buyerActions(all)).toEqual(['receive']);
    expect(supplierActions(all)).toEqual(['progress']);
  });
});
