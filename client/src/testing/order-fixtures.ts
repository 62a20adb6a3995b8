import type { Schemas } from '@/lib/api-client';

type Order = Schemas['Order'];
type OrderRoute = Schemas['OrderRoute'];

export const supplierSiteA = '01a20000-0000-7000-8000-00000000000a';
export const supplierSiteB = '01a20000-0000-7000-8000-00000000000b';

/** An order as GET /api/v1/orders/{id} answers it: leg 1 of 2, sent, two lines at 10 % and 8 %. */
export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 'order-1',
    routeId: 'route-1',
    leg: 1,
    legs: 2,
    orderNumber: 'REQ-ABC123-1',
    status: 'sent',
    supplier: { supplierId: supplierSiteA, name: '豊田精工', address: '愛知県豊田市デモ町1-2' },
    buyer: { name: 'デモ機械製作所' },
    shipTo: { supplierId: supplierSiteB, name: '三河メッキ', address: '愛知県岡崎市デモ町3-4' },
    lines: [
      { itemName: 'ブラケット', partNumber: 'BR-100', quantity: 100, unit: '個', unitPrice: 1234, taxRate: 10, amount: 123_400 },
      { itemName: '梱包材', quantity: 3, unit: '箱', unitPrice: 999, taxRate: 8, amount: 2997 },
    ],
    taxes: [
      { taxRate: 10, taxable: 123_400, tax: 12_340 },
      { taxRate: 8, taxable: 2997, tax: 239 },
    ],
    subtotal: 126_397,
    tax: 12_579,
    total: 138_976,
    orderedOn: '2030-05-01',
    dueDate: '2030-05-20',
    leadDays: 5,
    expectedShipOn: '2030-05-15',
    late: false,
    qaDocuments: ['inspection_report'],
    milestones: [],
    shipments: [],
    shippedQuantity: 0,
    version: 3,
    createdAt: '2030-05-01T00:00:00Z',
    updatedAt: '2030-05-01T00:00:00Z',
    ...overrides,
  };
}

/** A two-leg route as its buyer sees it: both orders, the second late, the parts at leg 2. */
export function route(overrides: Partial<OrderRoute> = {}): OrderRoute {
  return {
    id: 'route-1',
    legs: 2,
    deliveryAddress: '愛知県豊田市トヨタ町1',
    orders: [
      order({ status: 'shipped', shippedQuantity: 103, shipments: [{ id: 's1', quantity: 103, shippedOn: '2030-05-14', final: true }] }),
      order({
        id: 'order-2',
        leg: 2,
        orderNumber: 'REQ-ABC123-2',
        status: 'in_progress',
        supplier: { supplierId: supplierSiteB, name: '三河メッキ' },
        shipTo: { name: '愛知県豊田市トヨタ町1' },
        dueDate: '2030-05-25',
        expectedShipOn: '2030-05-28',
        late: true,
      }),
    ],
    expectedArrivalOn: '2030-05-28',
    late: true,
    currentLeg: 2,
    distanceKm: 23.4,
    ...overrides,
  };
}
