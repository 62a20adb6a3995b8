import { describe, expect, it } from 'vitest';
import { belongsTo, errorsFor, fieldErrors, unclaimedErrors } from './field-errors';

describe('field errors from a validation problem', () => {
  const problem = {
    status: 400,
    errors: {
      municipalityCode: ['The check digit does not match.'],
      'location.lat': ['Latitude must be between 20 and 46.'],
      'capacity.spareCapacityPct': ['Must be between 0 and 100.'],
      'materialCodes[0]': ["'unobtainium' is not a code of the Materials taxonomy."],
      '$.employees': ['The JSON value could not be converted.'],
      body: ['A JSON body is required.'],
    },
  };

  it('keeps the wire names and drops the JSON path root', () => {
    const errors = fieldErrors(problem);

    expect(Object.keys(errors)).toContain('employees');
    expect(errors['capacity.spareCapacityPct']).toEqual(['Must be between 0 and 100.']);
  });

  it('gives a field its own messages and those of its parts', () => {
    const errors = fieldErrors(problem);

    expect(errorsFor(errors, 'municipalityCode')).toEqual(['The check digit does not match.']);
    expect(errorsFor(errors, 'location')).toEqual(['Latitude must be between 20 and 46.']);
    expect(errorsFor(errors, 'location.lat')).toEqual(['Latitude must be between 20 and 46.']);
    expect(errorsFor(errors, 'materialCodes')).toEqual(["'unobtainium' is not a code of the Materials taxonomy."]);
    expect(errorsFor(errors, 'capacity.spareCapacityPct')).toHaveLength(1);
    expect(errorsFor(errors, 'capacity.minLot')).toEqual([]);
  });

  it('matches names regardless of case, as the API binds them, but not mere prefixes', () => {
    expect(belongsTo('MunicipalityCode', 'municipalityCode')).toBe(true);
    expect(belongsTo('nameJa', 'name')).toBe(false);
    expect(belongsTo('contact.email', 'contact')).toBe(true);
  });

  it('leaves messages for fields a form does not show to its alert', () => {
    const errors = fieldErrors(problem);

    expect(unclaimedErrors(errors, ['municipalityCode', 'location', 'capacity', 'materialCodes', 'employees'])).toEqual([
      'body: A JSON body is required.',
    ]);
  });

  it('is empty for a problem without errors, or none', () => {
    expect(fieldErrors({ status: 409, detail: 'Conflict' })).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});
