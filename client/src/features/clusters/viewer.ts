import { useCallback } from 'react';
import { hasRole, useSessionState } from '@/lib/auth';
import { useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import type { Cluster } from './api/types';

export interface ClusterViewer {
  signedIn: boolean;
  userId: string | null;
  /** Coordinators and admins: they see drafts and applicants. */
  coordinator: boolean;
  /** The cluster's own coordinators and admins: they change it, its members and its themes (the API decides again). */
  manages: boolean;
}

export function useClusterViewer(cluster: Pick<Cluster, 'coordinatorAccountIds'>): ClusterViewer {
  const session = useSessionState();
  if (session.status !== 'signed-in') {
    return { signedIn: false, userId: null, coordinator: false, manages: false };
  }
  const user = session.user;
  const coordinator = hasRole(user, ['coordinator', 'admin']);
  const manages = hasRole(user, ['admin']) || (hasRole(user, ['coordinator']) && cluster.coordinatorAccountIds.includes(user.id));
  return { signedIn: true, userId: user.id, coordinator, manages };
}

/** "工程 2（熱処理）": a step of an ordered list of process codes, numbered from 1 and labelled in the UI language. */
export function useStepLabel(codes: readonly string[]): (step: number) => string {
  const { t } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  const key = codes.join(',');
  return useCallback(
    (step: number) => t('clusters.stepLabel', { n: step + 1, process: labelOf('processes', codes[step] ?? '?') }),
    // `codes` is read through its key.
    [t, labelOf, key],
  );
}

/** The process label of a step of an ordered list of process codes (what a chain view numbers itself). */
export function useProcessOf(codes: readonly string[]): (step: number) => string {
  const labelOf = useTaxonomyLabels(['processes']);
  const key = codes.join(',');
  return useCallback(
    (step: number) => labelOf('processes', codes[step] ?? '?'),
    // `codes` is read through its key.
    [labelOf, key],
  );
}
