import { TaxonomyPicker } from '@/components/taxonomy-picker';
import { useI18n } from '@/lib/i18n';
import { useTaxonomyLabels } from '@/lib/taxonomy';
import { move } from '../cluster-draft';

/**
 * An ordered list of process codes (a value chain, a joint order's steps): add one through the process picker, move
 * steps up and down, remove them. The same process may come twice (e.g. inspection after machining and after plating).
 */
export function ProcessStepsEditor({
  label,
  steps,
  onChange,
  name,
  invalid,
  describedBy,
}: {
  label: string;
  steps: readonly string[];
  onChange: (steps: string[]) => void;
  name: string;
  invalid?: boolean;
  describedBy?: string;
}) {
  const { t } = useI18n();
  const labelOf = useTaxonomyLabels(['processes']);
  return (
    <div className="steps-editor" data-testid={`steps-${name}`}>
      {steps.length > 0 ? (
        <ol className="steps-editor__list" aria-label={label}>
          {steps.map((code, index) => {
            const n = index + 1;
            const process = labelOf('processes', code);
            return (
              <li key={`${code}-${index}`} className="steps-editor__step" data-testid="chosen-step" data-code={code}>
                <span className="steps-editor__name">
                  {t('clusters.stepLabel', { n, process })}
                </span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('clusters.form.moveUp', { n, process })}
                  disabled={index === 0}
                  onClick={() => onChange(move(steps, index, index - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('clusters.form.moveDown', { n, process })}
                  disabled={index === steps.length - 1}
                  onClick={() => onChange(move(steps, index, index + 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('clusters.form.removeStep', { n, process })}
                  onClick={() => onChange(steps.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="muted">{t('clusters.form.noSteps')}</p>
      )}
      <TaxonomyPicker
        kind="processes"
        name={`${name}-add`}
        label={t('clusters.form.addStep')}
        value={[]}
        onChange={(codes) => codes[0] && onChange([...steps, codes[0]])}
        invalid={invalid}
        describedBy={describedBy}
      />
    </div>
  );
}
