import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '@/lib/i18n/i18n-context';
import { draftToInput, emptyDraft, emptyStep, moveStep, rebalanceWeights, stepErrors, type RequestDraft } from './request-draft';

const t = (key: MessageKey) => translate('en', key);
const sum = (w: { quality: number; cost: number; delivery: number }) => w.quality + w.cost + w.delivery;

describe('QCD weights', () => {
  it('share what one weight leaves in the proportion the other two had', () => {
    expect(rebalanceWeights({ quality: 40, cost: 30, delivery: 30 }, 'quality', 60)).toEqual({ quality: 60, cost: 20, delivery: 20 });
    expect(rebalanceWeights({ quality: 20, cost: 60, delivery: 20 }, 'quality', 60)).toEqual({ quality: 60, cost: 30, delivery: 10 });
  });

  it('share evenly when the other two were both zero', () => {
    expect(rebalanceWeights({ quality: 100, cost: 0, delivery: 0 }, 'quality', 50)).toEqual({ quality: 50, cost: 25, delivery: 25 });
  });

  it('always add up to 100, whatever is moved and however it rounds', () => {
    let weights = { quality: 34, cost: 33, delivery: 33 };
    for (const [key, value] of [
      ['cost', 71],
      ['delivery', 13],
      ['quality', 99],
      ['cost', 0],
      ['quality', 100],
      ['delivery', 37],
      ['quality', 33.4],
    ] as const) {
      weights = rebalanceWeights(weights, key, value);
      expect(sum(weights)).toBe(100);
      expect(Math.min(weights.quality, weights.cost, weights.delivery)).toBeGreaterThanOrEqual(0);
    }
  });

  it('keep a moved weight within 0 and 100', () => {
    expect(rebalanceWeights({ quality: 40, cost: 30, delivery: 30 }, 'cost', 140)).toEqual({ quality: 0, cost: 100, delivery: 0 });
    expect(rebalanceWeights({ quality: 40, cost: 30, delivery: 30 }, 'cost', -5).cost).toBe(0);
  });
});

describe('steps', () => {
  it('move up and down without losing any, and stay where they are at the ends', () => {
    const [a, b, c] = [emptyStep(), emptyStep(), emptyStep()];
    expect(moveStep([a, b, c], 2, 1)).toEqual([a, c, b]);
    expect(moveStep([a, b, c], 0, 1)).toEqual([b, a, c]);
    expect(moveStep([a, b, c], 0, -1)).toEqual([a, b, c]);
    expect(moveStep([a, b, c], 2, 3)).toEqual([a, b, c]);
  });
});

describe("the API's messages for a step", () => {
  const errors = {
    'steps[0].processCode': ['Not a known code.'],
    'steps[1].requiredCertifications': ['Not a known code: iso_0.'],
    'Steps[1].ToleranceUm': ['Must be positive.'],
    'steps[1]': ['The step is empty.'],
    'steps[10].processCode': ['Not step 1.'],
    weights: ['quality, cost and delivery must sum to 1.'],
  };

  it("go to that step's own fields, and to no other step", () => {
    expect(stepErrors(errors, 0)).toEqual({ processCode: ['Not a known code.'] });
    expect(stepErrors(errors, 1)).toEqual({
      requiredCertifications: ['Not a known code: iso_0.'],
      ToleranceUm: ['Must be positive.'],
      '': ['The step is empty.'],
    });
    expect(stepErrors(errors, 2)).toEqual({});
  });
});

describe('the request body', () => {
  const draft: RequestDraft = {
    ...emptyDraft(),
    title: '  シャフト  ',
    steps: [
      { ...emptyStep(), processCode: 'machining.turning', toleranceUm: '10', workpieceXMm: '120.5', requiredCertifications: ['iso_9001'] },
      { ...emptyStep(), processCode: 'surface.plating' },
    ],
    lotSize: '500',
    dueDate: '2031-03-31',
    weights: { quality: 50, cost: 30, delivery: 20 },
    visibility: 'invited',
  };

  it('carries the steps in order, numbers as numbers, weights as fractions and the region around Toyota', () => {
    expect(draftToInput(draft, t)).toEqual({
      input: {
        title: 'シャフト',
        steps: [
          {
            processCode: 'machining.turning',
            toleranceUm: 10,
            workpieceXMm: 120.5,
            workpieceYMm: null,
            workpieceZMm: null,
            requiredCertifications: ['iso_9001'],
          },
          {
            processCode: 'surface.plating',
            toleranceUm: null,
            workpieceXMm: null,
            workpieceYMm: null,
            workpieceZMm: null,
            requiredCertifications: [],
          },
        ],
        lotSize: 500,
        dueDate: '2031-03-31',
        weights: { quality: 0.5, cost: 0.3, delivery: 0.2 },
        region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30 },
        visibility: 'invited',
      },
    });
  });

  it('names the fields that are not numbers, with the names the API would use', () => {
    const parsed = draftToInput(
      { ...draft, lotSize: '1.5', radiusKm: '', steps: [{ ...emptyStep(), processCode: 'machining', toleranceUm: 'ten' }] },
      t,
    );
    expect(parsed).toEqual({
      errors: {
        'steps[0].toleranceUm': ['Enter a number.'],
        lotSize: ['Enter a whole number.'],
        'region.radiusKm': ['Enter a value.'],
      },
    });
  });
});
