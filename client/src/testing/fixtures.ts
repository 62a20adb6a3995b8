import type { Schemas } from '@/lib/api-client';

type SupplierProfile = Schemas['SupplierProfile'];

/** A published profile as an anonymous visitor gets it: contact, staff, capacity and challenges hidden. */
export function anonymousProfile(overrides: Partial<SupplierProfile> = {}): SupplierProfile {
  return {
    id: '01a2268a-3bf5-7fc9-be46-13a8deec6a25',
    status: 'published',
    nameJa: '山田精工',
    nameEn: 'Yamada Seiko (demo)',
    nameKana: 'ヤマダセイコウ',
    postalCode: '444-5703',
    prefectureCode: '23',
    municipalityCode: '232025',
    address: '愛知県岡崎市デモ町15-49',
    location: { lat: 34.95492, lon: 137.204518 },
    employees: 139,
    foundedYear: 1988,
    capitalJpy: 2_000_000,
    industryCodes: ['26'],
    descriptionJa: '精密切削の工場です。',
    strengths: '±5µm の精密切削',
    digitalReadiness: { edi: false, onlineOrdering: true, faxOnly: false },
    processes: ['machining', 'machining.milling', 'machining.milling.5axis'],
    verification: { status: 'verified', verifiedAt: '2026-10-01T00:00:00Z' },
    disclosure: {
      contact: 'coordinators',
      capabilities: 'public',
      equipment: 'public',
      certifications: 'public',
      staff: 'members',
      capacity: 'members',
      challenges: 'coordinators',
    },
    contact: { level: 'coordinators', hidden: true },
    capabilities: {
      level: 'public',
      hidden: false,
      items: [
        {
          id: 'cap-1',
          processCode: 'machining.milling.5axis',
          materialCodes: ['aluminium.a5052'],
          maxXMm: 900,
          maxYMm: 720,
          maxZMm: 630,
          bestToleranceUm: 5,
          equipmentIds: [],
          version: 1,
        },
      ],
    },
    equipment: { level: 'public', hidden: false, items: [] },
    certifications: {
      level: 'public',
      hidden: false,
      items: [{ id: 'cert-1', code: 'iso_9001', number: 'DEMO-1', validUntil: '2028-06-07', expired: false, version: 1 }],
    },
    staff: { level: 'members', hidden: true },
    capacity: { level: 'members', hidden: true },
    challenges: { level: 'coordinators', hidden: true },
    confirmedAt: '2026-11-20T09:00:00Z',
    publishedAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-11-20T09:00:00Z',
    canEdit: false,
    version: 7,
    ...overrides,
  };
}
