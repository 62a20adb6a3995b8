import type { Schemas } from '@/lib/api-client';
import { coordinator, member } from './fake-auth-api';

type Gathering = Schemas['Gathering'];
type Participant = Schemas['Participant'];
type Meeting = Schemas['Meeting'];

/** Test data of the gatherings feature: a matching meeting with two sessions, a buyer and two suppliers. */
export const buyerUser = { ...member, id: 'buyer-account', displayName: '調達 担当者', organisation: 'デモ機械製作所' };
export const supplierUser = { ...member, id: 'supplier-account', role: 'supplier' as const, supplierIds: ['site-1'] };

export function gathering(overrides: Partial<Gathering> = {}): Gathering {
  return {
    id: 'g-1',
    kind: 'matching_meeting',
    status: 'booking_open',
    titleJa: '西三河 自動車部品マッチング会',
    titleEn: 'Nishi-Mikawa automotive matching meeting',
    description: '試作・量産の発注先を探す商談会です。',
    venue: '豊田市産業会館',
    venueAddress: '愛知県豊田市デモ町1-1',
    onlineUrl: null,
    heldOn: '2030-06-12',
    registrationClosesAt: null,
    bookingClosesAt: null,
    capacity: 40,
    clusterId: null,
    organiserAccountIds: [coordinator.id],
    maxRequests: 10,
    maxMeetings: 8,
    maxConsecutive: 4,
    sessions: [
      { label: '午前の部', startsAt: '10:00', slotMinutes: 20, slots: 3, tables: 2 },
      { label: '午後の部', startsAt: '13:30', slotMinutes: 30, slots: 2, tables: 3 },
    ],
    participants: 3,
    version: 5,
    createdAt: '2030-05-01T00:00:00Z',
    updatedAt: '2030-05-02T00:00:00Z',
    ...overrides,
  };
}

export function participant(overrides: Partial<Participant> = {}): Participant {
  return {
    id: 'p-buyer',
    gatheringId: 'g-1',
    role: 'buyer',
    accountId: null,
    name: 'デモ機械製作所',
    supplierId: null,
    requestIds: ['req-1'],
    needProcesses: ['machining.milling'],
    shows: null,
    showProcesses: [],
    showEquipmentIds: [],
    sessions: [0, 1],
    note: null,
    status: 'approved',
    reason: null,
    checkedInAt: null,
    version: 2,
    createdAt: '2030-05-03T01:00:00Z',
    ...overrides,
  };
}

export const buyer = participant({ accountId: buyerUser.id });
export const supplierA = participant({
  id: 'p-sup-a',
  role: 'supplier',
  name: '豊田精工',
  supplierId: 'site-a',
  requestIds: [],
  needProcesses: [],
  shows: '5軸加工のサンプル',
  showProcesses: ['machining.milling.5axis'],
  version: 3,
});
export const supplierB = participant({
  id: 'p-sup-b',
  role: 'supplier',
  name: '三河溶接',
  supplierId: 'site-b',
  requestIds: [],
  needProcesses: [],
  showProcesses: ['joining.welding.tig'],
  status: 'pending',
  version: 1,
});

export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-1',
    gatheringId: 'g-1',
    buyerId: 'p-buyer',
    buyerName: 'デモ機械製作所',
    supplierId: 'p-sup-a',
    supplierName: '豊田精工',
    requestedBy: 'buyer',
    mutual: false,
    score: 0.82,
    status: 'accepted',
    note: null,
    reason: null,
    place: undefined,
    startsAt: null,
    endsAt: null,
    pinned: false,
    met: false,
    version: 4,
    ...overrides,
  };
}

type Booth = Schemas['Booth'];
type GatheringTopic = Schemas['GatheringTopic'];

/** An exhibitor at a showcase as GET …/booths gives it: 5-axis milling with one capability, a servo press brought along. */
export function booth(overrides: Partial<Booth> = {}): Booth {
  return {
    participantId: 'p-sup-a',
    number: 'A-12',
    supplierId: 'site-a',
    nameJa: '豊田精工',
    nameEn: 'Toyota Seiko',
    municipalityCode: '232114',
    shows: 'アルミ筐体の 5 軸加工サンプル',
    processes: [
      {
        processCode: 'machining.milling',
        capabilities: [
          {
            id: 'cap-1',
            processCode: 'machining.milling.5axis',
            materialCodes: ['aluminium.a5052'],
            maxXMm: 900,
            maxYMm: 720,
            maxZMm: 630,
            bestToleranceUm: 5,
            lotMin: 1,
            lotMax: 500,
            equipmentIds: [],
            version: 1,
          },
        ],
      },
    ],
    capabilitiesHidden: false,
    equipment: [{ id: 'eq-1', typeCode: 'press.servo', maker: 'アマダ', model: 'SDE-8025', count: 1, version: 1 }],
    equipmentHidden: false,
    ...overrides,
  };
}

export function topic(overrides: Partial<GatheringTopic> = {}): GatheringTopic {
  return {
    id: 'topic-1',
    gatheringId: 'g-1',
    kind: 'topic',
    title: 'EV 向けアルミ部品の軽量化',
    body: '薄肉加工の事例を紹介します。',
    anonymous: false,
    participantId: 'p-sup-a',
    postedBy: '豊田精工',
    mine: false,
    table: null,
    status: 'open',
    version: 1,
    createdAt: '2030-05-20T01:00:00Z',
    ...overrides,
  };
}
