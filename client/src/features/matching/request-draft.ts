import type { FieldErrors } from '@/lib/field-errors';
import type { Translate } from '@/lib/i18n';
import type { MatchingRequestInput, MatchingStepInput } from './api/types';

/** One step as the form holds it: text as typed, codes as chosen; `key` keeps React's rows apart while steps move. */
export interface StepDraft {
  key: string;
  processCode: string;
  toleranceUm: string;
  workpieceXMm: string;
  workpieceYMm: string;
  workpieceZMm: string;
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
  steps: StepDraft[];
  lotSize: string;
  dueDate: string;
  weights: Weights;
  lat: string;
  lon: string;
  radiusKm: string;
  visibility: 'public' | 'invited';
}

/** Toyota city hall: the default centre of the region a request searches. */
export const toyotaCityHall = { lat: 35.0826, lon: 137.156 };

let nextKey = 0;

export function emptyStep(): StepDraft {
  nextKey += 1;
  return {
    key: `step-${nextKey}`,
    processCode: '',
    toleranceUm: '',
    workpieceXMm: '',
    workpieceYMm: '',
    workpieceZMm: '',
    requiredCertifications: [],
  };
}

export function emptyDraft(): RequestDraft {
  return {
    title: '',
    steps: [emptyStep()],
    lotSize: '',
    dueDate: '',
    weights: { quality: 40, cost: 30, delivery: 30 },
    lat: String(toyotaCityHall.lat),
    lon: String(toyotaCityHall.lon),
    radiusKm: '30',
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
    const field = rest.replace(/^\./, '');
    result[field] = [...(result[field] ?? []), ...messages];
  }
  return result;
}

type Parsed = { input: MatchingRequestInput } | { errors: FieldErrors };

/**
 * The request body for the form, or the fields the browser can already tell are wrong (a number that is not one).
 * Everything else is the API's to judge: its messages come back keyed by the same names.
 */
export function draftToInput(draft: RequestDraft, t: Translate): Parsed {
  const errors: FieldErrors = {};
  const number = (field: string, text: string, { integer = false, required = false } = {}): number | null => {
    const trimmed = text.trim();
    if (!trimmed) {
      if (required) {
        errors[field] = [t('matching.enterValue')];
      }
      return null;
    }
    const value = Number(trimmed);
    if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) {
      errors[field] = [t(integer ? 'form.notInteger' : 'form.notNumber')];
      return null;
    }
    return value;
  };

  const steps: MatchingStepInput[] = draft.steps.map((step, i) => ({
    processCode: step.processCode,
    toleranceUm: number(stepField(i, 'toleranceUm'), step.toleranceUm),
    workpieceXMm: number(stepField(i, 'workpieceXMm'), step.workpieceXMm),
    workpieceYMm: number(stepField(i, 'workpieceYMm'), step.workpieceYMm),
    workpieceZMm: number(stepField(i, 'workpieceZMm'), step.workpieceZMm),
    requiredCertifications: step.requiredCertifications,
  }));
  const lotSize = number('lotSize', draft.lotSize, { integer: true });
  const lat = number('region.centre.lat', draft.lat, { required: true });
  const lon = number('region.centre.lon', draft.lon, { required: true });
  const radiusKm = number('region.radiusKm', draft.radiusKm, { required: true });

  if (Object.keys(errors).length > 0) {
    return { errors };
  }
  return {
    input: {
      title: draft.title.trim(),
      steps,
      lotSize,
      dueDate: draft.dueDate || null,
      weights: {
        quality: draft.weights.quality / 100,
        cost: draft.weights.cost / 100,
        delivery: draft.weights.delivery / 100,
      },
      region: { centre: { lat: lat ?? 0, lon: lon ?? 0 }, radiusKm: radiusKm ?? 0 },
      visibility: draft.visibility,
    },
  };
}
