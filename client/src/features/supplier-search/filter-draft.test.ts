import { describe, expect, it } from 'vitest';
import { emptyFilters } from './search-filters';
import { draftFromFilters, draftProblems } from './filter-draft';

describe('the filter panel as typed', () => {
  it('takes a place as the radius’s centre, as a point is', () => {
    const nearToyota = { ...draftFromFilters(emptyFilters), near: '232114', withinKm: '30' };

    expect(draftProblems(nearToyota)).toEqual([]);
    expect(draftProblems({ ...nearToyota, near: '' })).toEqual([{ param: 'withinKm', value: '30', kind: 'needsPoint' }]);
  });
});
