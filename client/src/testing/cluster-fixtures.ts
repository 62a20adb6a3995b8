import type { Schemas } from '@/lib/api-client';
import { coordinator } from './fake-auth-api';
import { taxonomyTerms } from './signed-in';

type Cluster = Schemas['Cluster'];
type ClusterCoverage = Schemas['ClusterCoverage'];
type ClusterMember = Schemas['ClusterMember'];
type Theme = Schemas['Theme'];

/** Test data shared by the clusters feature's tests: a three-step automotive cluster whose painting step is a gap. */
export const processTerms = taxonomyTerms([
  { code: 'forging.hot', label: '熱間鍛造' },
  { code: 'machining.turning', label: '旋盤加工' },
  { code: 'surface.painting', label: '塗装' },
]);

export function cluster(overrides: Partial<Cluster> = {}): Cluster {
  return {
    id: 'cluster-1',
    code: 'nishi-mikawa-auto',
    nameJa: '西三河自動車部品クラスター',
    nameEn: 'Nishi-Mikawa automotive parts cluster',
    sector: 'automotive_parts',
    region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 },
    description: '鍛造から塗装まで地域内で完結させる。',
    valueChain: ['forging.hot', 'machining.turning', 'surface.painting'],
    coordinatorAccountIds: [coordinator.id],
    status: 'published',
    memberCount: 2,
    version: 3,
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    ...overrides,
  };
}

export function coverage(overrides: Partial<ClusterCoverage> = {}): ClusterCoverage {
  return {
    clusterId: 'cluster-1',
    steps: [
      {
        processCode: 'forging.hot',
        step: 0,
        sites: 3,
        verified: 2,
        acceptingContractWork: 3,
        withSpareCapacity: 1,
        spareCapacityAvgPct: 20,
        members: 1,
        byMunicipality: [{ municipalityCode: '232114', sites: 3 }],
      },
      {
        processCode: 'machining.turning',
        step: 1,
        sites: 12,
        verified: 5,
        acceptingContractWork: 10,
        withSpareCapacity: 6,
        spareCapacityAvgPct: 15.5,
        members: 2,
        byMunicipality: [
          { municipalityCode: '232114', sites: 8 },
          { municipalityCode: '232025', sites: 4 },
        ],
      },
      {
        processCode: 'surface.painting',
        step: 2,
        sites: 0,
        verified: 0,
        acceptingContractWork: 0,
        withSpareCapacity: 0,
        spareCapacityAvgPct: null,
        members: 0,
        byMunicipality: [],
      },
    ],
    gaps: [2],
    computedAt: '2030-05-01T03:00:00Z',
    ...overrides,
  };
}

export function member(overrides: Partial<ClusterMember> = {}): ClusterMember {
  return {
    supplierId: 'site-a',
    nameJa: '昭和鍛造',
    municipalityCode: '232114',
    status: 'member',
    coveredSteps: [0, 1],
    appliedAt: '2030-01-02T00:00:00Z',
    joinedAt: '2030-01-03T00:00:00Z',
    ...overrides,
  };
}

export function theme(overrides: Partial<Theme> = {}): Theme {
  return {
    id: 'theme-1',
    clusterId: 'cluster-1',
    kind: 'joint_order',
    title: 'EV シャフト共同受注',
    goal: '月 2,000 本',
    status: 'proposed',
    steps: ['forging.hot', 'machining.turning', 'surface.painting'],
    milestones: [{ title: '見積提出', dueDate: '2030-06-01', done: false }],
    participants: [],
    invitations: [],
    version: 1,
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
    ...overrides,
  };
}

export const supplierUser: Schemas['CurrentUser'] = {
  ...coordinator,
  id: 'supplier-account',
  displayName: '精密加工 担当者',
  role: 'supplier',
  supplierIds: ['site-z'],
};
