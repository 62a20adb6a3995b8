import { useId, useState } from 'react';
import { BarChart } from '@/components/bar-chart';
import { DataTable, type TableColumn } from '@/components/data-table';
import { municipalityColumn } from '@/components/municipality-column';
import { useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import type { LabelOf } from '@/lib/taxonomy';
import type { RegionCoverage } from '../api/types';

interface MunicipalityRow {
  code: string;
  counts: number[];
  /** Process families with at least one site there. */
  families: number;
}

/** Rows of municipalities with their sites per family (in the order of `families`), most families first. */
export function municipalityMatrix(coverage: RegionCoverage): MunicipalityRow[] {
  const rows = new Map<string, number[]>();
  coverage.families.forEach((family, i) => {
    for (const entry of family.byMunicipality) {
      const code = entry.municipalityCode ?? '';
      const counts = rows.get(code) ?? coverage.families.map(() => 0);
      counts[i] = (counts[i] ?? 0) + entry.sites;
      rows.set(code, counts);
    }
  });
  return [...rows.entries()]
    .map(([code, counts]) => ({ code, counts, families: counts.filter((n) => n > 0).length }))
    .sort((a, b) => b.families - a.families || a.code.localeCompare(b.code));
}

/**
 * Where in the region each process family is done: a chart of one family's sites per municipality (chosen), and the
 * whole matrix of municipalities × families as a table, municipalities by name (the places API). The API gives no
 * position for them, so they are not drawn on the map.
 */
export function MunicipalityCoverage({ coverage, labelOf }: { coverage: RegionCoverage; labelOf: LabelOf }) {
  const { t } = useI18n();
  const id = useId();
  const present = coverage.families.map((family, i) => ({ family, i })).filter(({ family }) => family.sites > 0);
  const [chosen, setChosen] = useState<string>(() => [...present].sort((a, b) => b.family.sites - a.family.sites)[0]?.family.processCode ?? '');
  const matrix = municipalityMatrix(coverage);
  const nameOf = useMunicipalityNames(matrix.map((row) => row.code));
  const municipality = (code: string) => (code ? (nameOf(code) ?? code) : t('coverage.municipalityUnknown'));

  const chosenFamily = coverage.families.find((family) => family.processCode === chosen);
  const columns: TableColumn<MunicipalityRow>[] = [
    municipalityColumn('municipality', t('coverage.municipalityCode'), (row) => row.code, nameOf, t('coverage.municipalityUnknown')),
    { key: 'families', header: t('analytics.col.familiesPresent'), value: (row) => row.families, numeric: true },
    ...present.map(({ family, i }) => ({
      key: family.processCode,
      header: labelOf('processes', family.processCode),
      value: (row: MunicipalityRow) => row.counts[i] ?? 0,
      numeric: true,
    })),
  ];

  return (
    <section className="card" aria-labelledby="municipalities-heading" data-testid="municipality-coverage">
      <h2 id="municipalities-heading">{t('analytics.municipalities')}</h2>
      <p className="muted">{t('analytics.municipalitiesLead')}</p>
      {present.length > 0 && (
        <div className="form__field analytics__family-choice">
          <label htmlFor={`${id}-family`}>{t('analytics.chooseFamily')}</label>
          <select id={`${id}-family`} value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {present.map(({ family }) => (
              <option key={family.processCode} value={family.processCode}>
                {labelOf('processes', family.processCode)}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosenFamily && (
        <BarChart
          title={t('analytics.municipalityChart', { family: labelOf('processes', chosenFamily.processCode) })}
          series={[{ key: 'sites', label: t('coverage.sites') }]}
          categories={chosenFamily.byMunicipality.map((entry) => ({
            key: entry.municipalityCode ?? 'unknown',
            label: municipality(entry.municipalityCode ?? ''),
            values: [entry.sites],
          }))}
          testId="municipality-chart"
        />
      )}
      <DataTable
        caption={t('analytics.municipalityTable')}
        fileName="region-coverage-by-municipality"
        columns={columns}
        rows={matrix}
        rowKey={(row) => row.code || 'unknown'}
        empty={t('clusters.byMunicipalityEmpty')}
        testId="municipality-table"
      />
    </section>
  );
}
