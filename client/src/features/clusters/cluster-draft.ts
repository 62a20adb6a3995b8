import type { FieldErrors } from '@/lib/field-errors';
import type { Translate } from '@/lib/i18n';
import type { Cluster, ClusterInput, ClusterSector, Milestone, Theme, ThemeInput, ThemeKind, ThemeProposalInput } from './api/types';

/** A cluster as its form holds it: text as typed, codes as chosen. */
export interface ClusterDraft {
  code: string;
  nameJa: string;
  nameEn: string;
  sector: ClusterSector;
  description: string;
  /** The centre as a municipality (6-digit code) when one was chosen; lat and lon are then its position. */
  centrePlace: string;
  lat: string;
  lon: string;
  radiusKm: string;
  prefectures: string[];
  valueChain: string[];
  /** Kept as they are: the API makes the editor one of them, and a PUT without the others would drop them. */
  coordinatorAccountIds: string[];
}

export function emptyClusterDraft(): ClusterDraft {
  return {
    code: '',
    nameJa: '',
    nameEn: '',
    sector: 'automotive_parts',
    description: '',
    centrePlace: '',
    lat: '',
    lon: '',
    radiusKm: '',
    prefectures: [],
    valueChain: [],
    coordinatorAccountIds: [],
  };
}

export function draftFromCluster(cluster: Cluster): ClusterDraft {
  return {
    code: cluster.code,
    nameJa: cluster.nameJa,
    nameEn: cluster.nameEn ?? '',
    sector: cluster.sector,
    description: cluster.description ?? '',
    centrePlace: cluster.region.centrePlace ?? '',
    lat: cluster.region.centre ? String(cluster.region.centre.lat) : '',
    lon: cluster.region.centre ? String(cluster.region.centre.lon) : '',
    radiusKm: cluster.region.radiusKm == null ? '' : String(cluster.region.radiusKm),
    prefectures: [...(cluster.region.prefectures ?? [])],
    valueChain: [...cluster.valueChain],
    coordinatorAccountIds: [...cluster.coordinatorAccountIds],
  };
}

function number(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) {
    return null;
  }
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The body of a create or update, or messages for what cannot be one (numbers that are not numbers, a centre without
 * both coordinates), keyed like the API's so they land on the same fields. Everything else the API checks.
 */
export function clusterDraftToInput(draft: ClusterDraft, t: Translate): { input: ClusterInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const lat = number(draft.lat);
  const lon = number(draft.lon);
  const radiusKm = number(draft.radiusKm);
  for (const [field, value] of [
    ['region.centre.lat', lat],
    ['region.centre.lon', lon],
  ] as const) {
    if (value === undefined) {
      errors[field] = [t('form.notNumber')];
    } else if (value === null) {
      errors[field] = [t('clusters.form.centreRequired')];
    }
  }
  if (radiusKm === undefined) {
    errors['region.radiusKm'] = [t('form.notNumber')];
  }
  if (Object.keys(errors).length > 0 || lat == null || lon == null || radiusKm === undefined) {
    return { errors };
  }
  return {
    input: {
      code: draft.code.trim(),
      nameJa: draft.nameJa.trim(),
      nameEn: draft.nameEn.trim() || null,
      sector: draft.sector,
      region: {
        centre: { lat, lon },
        ...(draft.centrePlace ? { centrePlace: draft.centrePlace } : {}),
        radiusKm,
        prefectures: draft.prefectures.length > 0 ? draft.prefectures : null,
      },
      description: draft.description.trim() || null,
      valueChain: draft.valueChain,
      coordinatorAccountIds: draft.coordinatorAccountIds.length > 0 ? draft.coordinatorAccountIds : null,
    },
  };
}

/** A milestone row of the theme form; `key` keeps React's rows apart. */
export interface MilestoneDraft {
  key: string;
  title: string;
  dueDate: string;
  done: boolean;
}

export interface ThemeDraft {
  kind: ThemeKind;
  title: string;
  goal: string;
  /** A joint order's steps; none means the cluster's value chain. */
  steps: string[];
  milestones: MilestoneDraft[];
}

let nextKey = 0;

export function emptyMilestone(): MilestoneDraft {
  nextKey += 1;
  return { key: `milestone-${nextKey}`, title: '', dueDate: '', done: false };
}

export function emptyThemeDraft(): ThemeDraft {
  return { kind: 'joint_order', title: '', goal: '', steps: [], milestones: [] };
}

export function draftFromTheme(theme: Theme): ThemeDraft {
  return {
    kind: theme.kind,
    title: theme.title,
    goal: theme.goal ?? '',
    steps: [...theme.steps],
    milestones: theme.milestones.map((m) => ({ ...emptyMilestone(), title: m.title, dueDate: m.dueDate ?? '', done: m.done ?? false })),
  };
}

/**
 * The body of a theme. Only a joint order names steps (the API refuses them for other kinds); rows left wholly empty
 * are not milestones.
 */
export function themeDraftToInput(draft: ThemeDraft): ThemeInput {
  const milestones: Milestone[] = draft.milestones
    .filter((m) => m.title.trim() || m.dueDate)
    .map((m) => ({ title: m.title.trim(), dueDate: m.dueDate || null, done: m.done }));
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    goal: draft.goal.trim() || null,
    steps: draft.kind === 'joint_order' && draft.steps.length > 0 ? draft.steps : null,
    milestones,
  };
}

/** The theme's body as it is now, with one milestone's "done" changed: what ticking it off sends. */
export function withMilestoneDone(theme: Theme, index: number, done: boolean): ThemeInput {
  return {
    kind: theme.kind,
    title: theme.title,
    goal: theme.goal ?? null,
    steps: theme.kind === 'joint_order' ? theme.steps : null,
    milestones: theme.milestones.map((m, i) => ({ title: m.title, dueDate: m.dueDate ?? null, done: i === index ? done : (m.done ?? false) })),
  };
}

/** A member's proposal as its form holds it: the proposing site, what, and the partner members it invites. */
export interface ProposalDraft {
  supplierId: string;
  kind: ThemeKind;
  title: string;
  goal: string;
  /** A joint order's steps; none means the cluster's value chain. */
  steps: string[];
  invited: string[];
}

export function emptyProposalDraft(supplierId: string): ProposalDraft {
  return { supplierId, kind: 'joint_development', title: '', goal: '', steps: [], invited: [] };
}

/** A proposal to revise: as it stands, inviting the sites invited so far (answered invitations keep their answer). */
export function draftFromProposal(theme: Theme): ProposalDraft {
  return {
    supplierId: theme.proposedBy?.supplierId ?? '',
    kind: theme.kind,
    title: theme.title,
    goal: theme.goal ?? '',
    steps: [...theme.steps],
    invited: theme.invitations.map((i) => i.supplierId),
  };
}

/** The body of a proposal; only a joint order names steps. The gathering it came from is kept when revising. */
export function proposalDraftToInput(draft: ProposalDraft, gatheringId: string | null = null): ThemeProposalInput {
  return {
    supplierId: draft.supplierId,
    kind: draft.kind,
    title: draft.title.trim(),
    goal: draft.goal.trim() || null,
    steps: draft.kind === 'joint_order' && draft.steps.length > 0 ? draft.steps : null,
    invitedSupplierIds: draft.invited.filter((id) => id !== draft.supplierId),
    gatheringId,
  };
}

/** Moves the item at `from` to `to` (both in range). */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}
