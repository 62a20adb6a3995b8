import { useId, useState, type FormEvent } from 'react';
import { DraftField } from '@/components/draft-field';
import { FieldErrorList } from '@/components/field-error-list';
import { SupplierMap } from '@/components/map';
import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { errorsFor, type FieldErrors } from '@/lib/field-errors';
import { useI18n } from '@/lib/i18n';
import type { RegionQuery } from '../api/types';

interface Draft {
  prefecture: string[];
  lat: string;
  lon: string;
  withinKm: string;
}

function toDraft(query: RegionQuery): Draft {
  return {
    prefecture: query.prefecture,
    lat: query.lat === undefined ? '' : String(query.lat),
    lon: query.lon === undefined ? '' : String(query.lon),
    withinKm: query.withinKm === undefined ? '' : String(query.withinKm),
  };
}

/**
 * The region the dashboard counts: prefectures, and/or a radius around a point (typed or clicked on the map); nothing
 * is the whole registry. Applied with the button; the API's messages for a refused region show under its fields.
 */
export function RegionFilter({ query, onApply, errors }: { query: RegionQuery; onApply: (query: RegionQuery) => void; errors: FieldErrors }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => toDraft(query));
  const [local, setLocal] = useState<FieldErrors>({});
  const shown = { ...errors, ...local };

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    const read = (field: 'lat' | 'lon' | 'withinKm') => {
      const text = draft[field].trim();
      if (!text) {
        return undefined;
      }
      const value = Number(text);
      if (!Number.isFinite(value)) {
        problems[field] = [t('form.notNumber')];
      }
      return value;
    };
    const lat = read('lat');
    const lon = read('lon');
    const withinKm = read('withinKm');
    if ((lat === undefined) !== (lon === undefined)) {
      problems['lat'] = [t('form.locationPair')];
    }
    // The API counts a point only with a radius (without one it would silently count everything).
    if (lat !== undefined && lon !== undefined && withinKm === undefined) {
      problems['withinKm'] = [t('analytics.radiusRequired')];
    }
    setLocal(problems);
    if (Object.keys(problems).length === 0) {
      onApply({ prefecture: draft.prefecture, lat, lon, withinKm: lat === undefined ? undefined : withinKm });
    }
  }

  function input(field: 'lat' | 'lon' | 'withinKm', label: string, unit?: string) {
    return (
      <DraftField
        id={`${id}-${field}`}
        name={field}
        label={label}
        type="number"
        unit={unit}
        value={draft[field]}
        onChange={(value) => setDraft({ ...draft, [field]: value })}
        messages={errorsFor(shown, field)}
      />
    );
  }

  const lat = Number(draft.lat);
  const lon = Number(draft.lon);
  const km = Number(draft.withinKm);
  const centre = draft.lat.trim() && draft.lon.trim() && Number.isFinite(lat) && Number.isFinite(lon) ? { lat, lon } : null;
  const prefectureMessages = errorsFor(shown, 'prefecture');

  return (
    <form className="form analytics-filter" aria-label={t('analytics.region')} onSubmit={submit} noValidate>
      <div className="analytics-filter__fields">
        <div>
          <TaxonomyPicker
            kind="prefectures"
            name="analytics-prefecture"
            multiple
            label={t('analytics.prefectures')}
            value={draft.prefecture}
            onChange={(prefecture) => setDraft({ ...draft, prefecture })}
            invalid={prefectureMessages.length > 0}
            describedBy={prefectureMessages.length > 0 ? `${id}-prefecture-errors` : undefined}
          />
          <FieldErrorList id={`${id}-prefecture-errors`} messages={prefectureMessages} />
          <div className="analytics-filter__point">
            {input('lat', t('search.lat'))}
            {input('lon', t('search.lon'))}
            {input('withinKm', t('search.withinKm'), 'km')}
          </div>
          <p className="form__hint">{t('analytics.regionHint')}</p>
          <div className="form__actions">
            <button type="submit" className="button">
              {t('analytics.apply')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                const empty = { prefecture: [], lat: '', lon: '', withinKm: '' };
                setDraft(empty);
                setLocal({});
                onApply({ prefecture: [] });
              }}
            >
              {t('analytics.wholeRegistry')}
            </button>
          </div>
        </div>
        <SupplierMap
          points={[]}
          label={t('analytics.regionMap')}
          fitKey={`${draft.withinKm}|${draft.prefecture.join(',')}`}
          circle={centre && km > 0 ? { center: centre, km } : null}
          pin={centre}
          onPick={(point) => setDraft({ ...draft, lat: point.lat.toFixed(4), lon: point.lon.toFixed(4) })}
          pickHint={t('analytics.regionPickHint')}
          fallbackPrefecture={draft.prefecture[0] ?? null}
          height={240}
        />
      </div>
    </form>
  );
}
