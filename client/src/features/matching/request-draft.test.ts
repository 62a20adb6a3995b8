import { describe, expect, it } from 'vitest';
import { translate, type MessageKey, type MessageParams } from '@/lib/i18n/i18n-context';
import {
  draftToInput,
  emptyDraft,
  emptyStep,
  inputToDraft,
  moveStep,
  rebalanceWeights,
  stepErrors,
  weightsFromFractions,
  type RequestDraft,
} from './request-draft';

const t = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
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
    'steps[1].materialCodes[1]': ['Too long.'],
    'steps[10].processCode': ['Not step 1.'],
    weights: ['quality, cost and delivery must sum to 1.'],
  };

  it("go to that step's own fields, and to no other step", () => {
    expect(stepErrors(errors, 0)).toEqual({ processCode: ['Not a known code.'] });
    expect(stepErrors(errors, 1)).toEqual({
      requiredCertifications: ['Not a known code: iso_0.'],
      ToleranceUm: ['Must be positive.'],
      '': ['The step is empty.'],
      materialCodes: ['Too long.'],
    });
    expect(stepErrors(errors, 2)).toEqual({});
  });
});

describe('saved weights', () => {
  it('become whole percent that make exactly 100', () => {
    expect(weightsFromFractions({ quality: 0.5, cost: 0.3, delivery: 0.2 })).toEqual({ quality: 50, cost: 30, delivery: 20 });
    const thirds = weightsFromFractions({ quality: 1 / 3, cost: 1 / 3, delivery: 1 / 3 });
    expect(thirds.quality + thirds.cost + thirds.delivery).toBe(100);
    // 33.5 + 33.5 + 33 rounds to 101: the one too many comes off the first of the largest.
    expect(weightsFromFractions({ quality: 0.335, cost: 0.335, delivery: 0.33 })).toEqual({ quality: 33, cost: 34, delivery: 33 });
  });
});

describe('the request body', () => {
  const today = '2031-01-10';
  const draft: RequestDraft = {
    ...emptyDraft(),
    title: '  シャフト  ',
    description: ' φ20 の段付きシャフト ',
    steps: [
      {
        ...emptyStep(),
        processCode: 'machining.turning',
        materialCodes: ['steel.s45c'],
        toleranceUm: '10',
        workpieceXMm: '120.5',
        workpieceYMm: '20',
        workpieceZMm: '20',
        massKg: '0.3',
        requiredCertifications: ['iso_9001'],
      },
      { ...emptyStep(), processCode: 'surface.plating' },
    ],
    quantity: '2000',
    lotSize: '500',
    dueDate: '2031-03-31',
    weights: { quality: 50, cost: 30, delivery: 20 },
    qualityAssurance: ['traceability', 'inspection_report'],
    prefectures: ['23', '21'],
    visibility: 'invited',
  };

  it('carries every field: steps in order, numbers as numbers, weights as fractions, the region around Toyota', () => {
    expect(draftToInput(draft, t, today)).toEqual({
      input: {
        title: 'シャフト',
        description: 'φ20 の段付きシャフト',
        steps: [
          {
            processCode: 'machining.turning',
            materialCodes: ['steel.s45c'],
            toleranceUm: 10,
            workpieceXMm: 120.5,
            workpieceYMm: 20,
            workpieceZMm: 20,
            massKg: 0.3,
            requiredCertifications: ['iso_9001'],
          },
          {
            processCode: 'surface.plating',
            materialCodes: [],
            toleranceUm: null,
            workpieceXMm: null,
            workpieceYMm: null,
            workpieceZMm: null,
            massKg: null,
            requiredCertifications: [],
          },
        ],
        quantity: 2000,
        lotSize: 500,
        dueDate: '2031-03-31',
        weights: { quality: 0.5, cost: 0.3, delivery: 0.2 },
        // In the form's order, whatever order they were ticked in.
        qualityAssurance: ['inspection_report', 'traceability'],
        region: { centre: { lat: 35.0826, lon: 137.156 }, radiusKm: 30, prefectures: ['23', '21'] },
        visibility: 'invited',
      },
    });
  });

  it('leaves the radius out when prefectures are chosen, and an empty description as none', () => {
    const parsed = draftToInput({ ...draft, description: '  ', radiusKm: '', prefectures: ['23'] }, t, today);
    expect(parsed).toMatchObject({ input: { description: null, region: { radiusKm: null, prefectures: ['23'] } } });
  });

  it('asks for a radius or prefectures when the region has neither', () => {
    expect(draftToInput({ ...draft, radiusKm: ' ', prefectures: [] }, t, today)).toEqual({
      errors: { region: ['Give a radius, prefectures, or both.'] },
    });
  });

  it('names what is wrong, field by field, with the names the API would use', () => {
    const parsed = draftToInput(
      {
        ...draft,
        title: ' ',
        description: 'x'.repeat(4001),
        quantity: '0',
        lotSize: '1.5',
        dueDate: '2031-01-09',
        lat: '60',
        radiusKm: '501',
        steps: [
          { ...emptyStep(), processCode: 'machining', toleranceUm: 'ten', massKg: '0.0001', materialCodes: Array.from({ length: 11 }, (_, i) => `m${i}`) },
          { ...emptyStep(), workpieceZMm: '100001' },
        ],
      },
      t,
      today,
    );
    expect(parsed).toEqual({
      errors: {
        title: ['Enter a value.'],
        description: ['Use at most 4000 characters.'],
        'steps[0].materialCodes': ['At most 10 may be given.'],
        'steps[0].toleranceUm': ['Enter a number.'],
        'steps[0].massKg': ['Enter a value from 0.001 to 1000000.'],
        'steps[1].processCode': ['Choose a process.'],
        'steps[1].workpieceZMm': ['Enter a value from 0.1 to 100000.'],
        quantity: ['Enter a value from 1 to 100000000.'],
        lotSize: ['Enter a whole number.'],
        dueDate: ['The due date has passed.'],
        'region.centre.lat': ['Enter a value from 20 to 46.'],
        'region.radiusKm': ['Enter a value from 1 to 500.'],
      },
    });
  });

  it('accepts a due date of today', () => {
    expect(draftToInput({ ...draft, dueDate: today }, t, today)).toHaveProperty('input');
  });

  it('fills the form back from a saved request, so that saving it unchanged sends the same request', () => {
    const parsed = draftToInput(draft, t, today);
    if (!('input' in parsed)) {
      throw new Error('the draft should be valid');
    }
    const again = inputToDraft(parsed.input);
    expect(again).toMatchObject({
      title: 'シャフト',
      quantity: '2000',
      radiusKm: '30',
      prefectures: ['23', '21'],
      weights: { quality: 50, cost: 30, delivery: 20 },
    });
    expect(again.steps[0]).toMatchObject({ materialCodes: ['steel.s45c'], massKg: '0.3', workpieceXMm: '120.5' });
    expect(draftToInput(again, t, today)).toEqual(parsed);
  });

  it('fills a saved request without optional parts with empty fields', () => {
    const again = inputToDraft({
      title: 'ブラケット',
      steps: [{ processCode: 'machining.milling' }],
      weights: { quality: 0.4, cost: 0.3, delivery: 0.3 },
      region: { centre: { lat: 35, lon: 137 }, prefectures: ['23'] },
    });
    expect(again).toMatchObject({ description: '', quantity: '', radiusKm: '', dueDate: '', qualityAssurance: [], visibility: 'public' });
    expect(again.steps[0]).toMatchObject({ materialCodes: [], toleranceUm: '', requiredCertifications: [] });
  });
});
