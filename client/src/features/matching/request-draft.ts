import type { FieldErrors } from '@/lib/field-errors';
import type { Translate } from '@/lib/i18n';
import type { MatchingRequestInput, MatchingStepInput, QualityAssurance, RequestVisibility } from './api/types';

/** One step as the form holds it: text as typed, codes as chosen; `key` keeps React's rows apart while steps move. */
export interface StepDraft {
  key: string;
  processCode: string;
  materialCodes: string[];
  toleranceUm: string;
  workpieceXMm: string;
  workpieceYMm: string;
  workpieceZMm: string;
  massKg: string;
  requiredCertifications: string[];
}

/** QCD weights in whole percent; they always add up to 100 (the API wants fractions that sum to 1). */
export interface Weights {
  quality: number;
  cost: number;
  delivery: number;
}

export type WeightKey = keyof Weights;

export interface RequestDraft {
  title: string;
  description: string;
  steps: StepDraft[];
  quantity: string;
  lotSize: string;
  dueDate: string;
  weights: Weights;
  qualityAssurance: QualityAssurance[];
  /** The centre as a municipality (6-digit code) when one was chosen; lat and lon are then its position. */
  centrePlace: string;
  lat: string;
  lon: string;
  radiusKm: string;
  prefectures: string[];
  visibility: RequestVisibility;
}

/** The quality-assurance documents a buyer can ask for, in the order the form shows them. */
export const qualityAssuranceKinds: readonly QualityAssurance[] = [
  'inspection_report',
  'material_certificate',
  'traceability',
  'first_article_inspection',
];

/**
 * What the API accepts (contracts/Matching/MatchingRecords.cs and GeoLocation): the same limits are checked here so the
 * form can say what is wrong before asking; the API checks again and its messages land on the same fields.
 */
export const limits = {
  title: 200,
  description: 4000,
  steps: 10,
  codesPerStep: 10,
  prefectures: 47,
  count: { min: 1, max: 100_000_000 },
  workpieceMm: { min: 0.1, max: 100_000 },
  massKg: { min: 0.001, max: 1_000_000 },
  toleranceUm: { min: 0.01, max: 100_000 },
  lat: { min: 20, max: 46 },
  lon: { min: 122, max: 154 },
  radiusKm: { min: 1, max: 500 },
} as const;

/** Toyota city hall: the default centre of the region a request searches. */
export const toyotaCityHall = { lat: 35.0826, lon: 137.156 };

let nextKey = 0;

function newKey(): string {
  nextKey += 1;
  return `step-${nextKey}`;
}

export function emptyStep(): StepDraft {
  return {
    key: newKey(),
    processCode: '',
    materialCodes: [],
    toleranceUm: '',
    workpieceXMm: '',
    workpieceYMm: '',
    workpieceZMm: '',
    massKg: '',
    requiredCertifications: [],
  };
}

export function emptyDraft(): RequestDraft {
  return {
    title: '',
    description: '',
    steps: [emptyStep()],
    quantity: '',
    lotSize: '',
    dueDate: '',
    weights: { quality: 40, cost: 30, delivery: 30 },
    qualityAssurance: [],
    centrePlace: '',
    lat: String(toyotaCityHall.lat),
    lon: String(toyotaCityHall.lon),
    radiusKm: '30',
    prefectures: [],
    visibility: 'public',
  };
}

const weightKeys: readonly WeightKey[] = ['quality', 'cost', 'delivery'];

/**
 * Sets one weight and shares what is left among the other two in the proportion they had (evenly when both were 0),
 * in whole percent so that the three always make exactly 100.
 */
export function rebalanceWeights(weights: Weights, key: WeightKey, value: number): Weights {
  const fixed = Math.min(100, Math.max(0, Math.round(Number.isFinite(value) ? value : 0)));
  const [first, second] = weightKeys.filter((k) => k !== key) as [WeightKey, WeightKey];
  const rest = 100 - fixed;
  const before = weights[first] + weights[second];
  const firstShare = before > 0 ? Math.round((rest * weights[first]) / before) : Math.ceil(rest / 2);
  return { ...weights, [key]: fixed, [first]: firstShare, [second]: rest - firstShare } as Weights;
}

/**
 * Saved fractions as whole percent that make exactly 100: each is rounded, and what rounding lost or added goes to the
 * largest (⅓ each becomes 34 / 33 / 33).
 */
export function weightsFromFractions(fractions: Weights): Weights {
  const weights = {
    quality: Math.round(fractions.quality * 100),
    cost: Math.round(fractions.cost * 100),
    delivery: Math.round(fractions.delivery * 100),
  };
  const largest = weightKeys.reduce((a, b) => (weights[b] > weights[a] ? b : a));
  weights[largest] += 100 - (weights.quality + weights.cost + weights.delivery);
  return weights;
}

/** Moves the step at `from` to `to` (both kept in range); the other steps keep their order. */
export function moveStep(steps: readonly StepDraft[], from: number, to: number): StepDraft[] {
  const moved = [...steps];
  const target = Math.max(0, Math.min(steps.length - 1, to));
  const [step] = moved.splice(from, 1);
  if (step) {
    moved.splice(target, 0, step);
  }
  return moved;
}

/** The field name the API uses for a step's field, e.g. `steps[0].processCode`. */
export function stepField(index: number, field: keyof Omit<StepDraft, 'key'>): string {
  return `steps[${index}].${field}`;
}

/**
 * The messages of step `index`, keyed by the step's own field names (`processCode`, `workpieceXMm`…). A message for the
 * step as a whole (`steps[0]`) comes under the empty name.
 */
export function stepErrors(errors: FieldErrors, index: number): FieldErrors {
  const prefix = `steps[${index}]`;
  const result: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (!key.toLowerCase().startsWith(prefix.toLowerCase())) {
      continue;
    }
    const rest = key.slice(prefix.length);
    if (rest !== '' && !rest.startsWith('.')) {
      continue;
    }
    // `materialCodes[2]` (one code of a list) belongs to the list's field.
    const field = rest.replace(/^\./, '').replace(/\[\d+\]$/, '');
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

const text = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

/** A saved request as the form holds it, to change a draft. */
export function inputToDraft(input: MatchingRequestInput): RequestDraft {
  return {
    title: input.title,
    description: input.description ?? '',
    steps: input.steps.map((step) => ({
      key: newKey(),
      processCode: step.processCode,
      materialCodes: [...(step.materialCodes ?? [])],
      toleranceUm: text(step.toleranceUm),
      workpieceXMm: text(step.workpieceXMm),
      workpieceYMm: text(step.workpieceYMm),
      workpieceZMm: text(step.workpieceZMm),
      massKg: text(step.massKg),
      requiredCertifications: [...(step.requiredCertifications ?? [])],
    })),
    quantity: text(input.quantity),
    lotSize: text(input.lotSize),
    dueDate: input.dueDate ?? '',
    weights: weightsFromFractions(input.weights),
    qualityAssurance: qualityAssuranceKinds.filter((kind) => input.qualityAssurance?.includes(kind)),
    centrePlace: input.region.centrePlace ?? '',
    lat: input.region.centre ? String(input.region.centre.lat) : '',
    lon: input.region.centre ? String(input.region.centre.lon) : '',
    radiusKm: text(input.region.radiusKm),
    prefectures: [...(input.region.prefectures ?? [])],
    visibility: input.visibility ?? 'public',
  };
}

/** Today as the API counts it (UTC), YYYY-MM-DD: a due date before it has passed. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

type Parsed = { input: MatchingRequestInput } | { errors: FieldErrors };
type Range = { readonly min: number; readonly max: number };

/**
 * The request body for the form, or what is wrong with it by field, with the names the API uses. The checks mirror the
 * API's (lengths, ranges, a process per step, a radius or prefectures, a due date not yet passed), so most mistakes
 * are shown before anything is sent; what only the API knows (which codes exist) comes back keyed by the same names.
 */
export function draftToInput(draft: RequestDraft, t: Translate, today: string = todayUtc()): Parsed {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message];
  };
  const number = (field: string, typed: string, range: Range, { integer = false, required = false } = {}): number | null => {
    const trimmed = typed.trim();
    if (!trimmed) {
      if (required) {
        fail(field, t('matching.enterValue'));
      }
      return null;
    }
    const value = Number(trimmed);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      fail(field, t(integer ? 'form.notInteger' : 'form.notNumber'));
      return null;
    }
    if (value < range.min || value > range.max) {
      fail(field, t('matching.outOfRange', { min: range.min, max: range.max }));
      return null;
    }
    return value;
  };
  const codes = (field: string, chosen: readonly string[], max: number): string[] => {
    if (chosen.length > max) {
      fail(field, t('matching.tooMany', { max }));
    }
    return [...chosen];
  };

  const title = draft.title.trim();
  if (!title) {
    fail('title', t('matching.enterValue'));
  } else if (title.length > limits.title) {
    fail('title', t('matching.tooLong', { max: limits.title }));
  }
  const description = draft.description.trim();
  if (description.length > limits.description) {
    fail('description', t('matching.tooLong', { max: limits.description }));
  }
  if (draft.steps.length > limits.steps) {
    fail('steps', t('matching.tooMany', { max: limits.steps }));
  }

  const steps: MatchingStepInput[] = draft.steps.map((step, i) => {
    if (!step.processCode) {
      fail(stepField(i, 'processCode'), t('matching.chooseProcess'));
    }
    return {
      processCode: step.processCode,
      materialCodes: codes(stepField(i, 'materialCodes'), step.materialCodes, limits.codesPerStep),
      toleranceUm: number(stepField(i, 'toleranceUm'), step.toleranceUm, limits.toleranceUm),
      workpieceXMm: number(stepField(i, 'workpieceXMm'), step.workpieceXMm, limits.workpieceMm),
      workpieceYMm: number(stepField(i, 'workpieceYMm'), step.workpieceYMm, limits.workpieceMm),
      workpieceZMm: number(stepField(i, 'workpieceZMm'), step.workpieceZMm, limits.workpieceMm),
      massKg: number(stepField(i, 'massKg'), step.massKg, limits.massKg),
      requiredCertifications: codes(stepField(i, 'requiredCertifications'), step.requiredCertifications, limits.codesPerStep),
    };
  });
  const quantity = number('quantity', draft.quantity, limits.count, { integer: true });
  const lotSize = number('lotSize', draft.lotSize, limits.count, { integer: true });
  if (draft.dueDate && draft.dueDate < today) {
    fail('dueDate', t('matching.dueDatePast'));
  }
  const lat = number('region.centre.lat', draft.lat, limits.lat, { required: true });
  const lon = number('region.centre.lon', draft.lon, limits.lon, { required: true });
  const radiusKm = number('region.radiusKm', draft.radiusKm, limits.radiusKm);
  const prefectures = codes('region.prefectures', draft.prefectures, limits.prefectures);
  if (!draft.radiusKm.trim() && prefectures.length === 0) {
    fail('region', t('matching.regionNeeded'));
  }

  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  return {
    input: {
      title,
      description: description || null,
      steps,
      quantity,
      lotSize,
      dueDate: draft.dueDate || null,
      weights: {
        quality: draft.weights.quality / 100,
        cost: draft.weights.cost / 100,
        delivery: draft.weights.delivery / 100,
      },
      qualityAssurance: qualityAssuranceKinds.filter((kind) => draft.qualityAssurance.includes(kind)),
      region: {
        centre: { lat: lat ?? 0, lon: lon ?? 0 },
        ...(draft.centrePlace ? { centrePlace: draft.centrePlace } : {}),
        radiusKm,
        prefectures,
      },
      visibility: draft.visibility,
    },
  };
}
