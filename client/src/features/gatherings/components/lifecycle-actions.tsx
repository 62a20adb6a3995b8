import { useConfirm } from '@/components/confirm-dialog';
import { WriteAlert } from '@/components/write-alert';
import { useI18n } from '@/lib/i18n';
import type { WriteResult } from '@/lib/write-result';
import { lifecycleStep, type LifecycleStep } from '../api/gathering-lifecycle';
import { runSchedule } from '../api/run-schedule';
import type { Gathering, ScheduleResult } from '../api/types';
import { organiserSteps } from '../gathering-rules';
import { useWrite } from '../hooks/use-write';
import { titleOf } from './gathering-title';

type Step = LifecycleStep | 'schedule';
type Answer = { gathering: Gathering } | { schedule: ScheduleResult };

/**
 * The organisers' steps the gathering's state allows — 公開, 商談申込を開始, スケジュール作成 (again while scheduled), 開催,
 * 終了, 中止 — each asked first, each naming the version read (a 412 says to reload).
 */
export function LifecycleActions({
  gathering,
  onChanged,
  onScheduled,
  onReload,
}: {
  gathering: Gathering;
  onChanged: (gathering: Gathering) => void;
  onScheduled: (result: ScheduleResult) => void;
  onReload: () => void;
}) {
  const { t, language } = useI18n();
  const { confirm, dialog } = useConfirm();
  const { busy, failure, run } = useWrite<Answer>((answer) => ('gathering' in answer ? onChanged(answer.gathering) : onScheduled(answer.schedule)));
  const steps = organiserSteps(gathering);
  if (steps.length === 0) {
    return null;
  }
  const title = titleOf(gathering, language);

  async function act(step: Step) {
    const again = step === 'schedule' && gathering.status === 'scheduled';
    const ok = await confirm({
      title: t(`gatherings.confirm.${step}`, { title }),
      body: <p>{t(again ? 'gatherings.confirmBody.reschedule' : `gatherings.confirmBody.${step}`)}</p>,
      confirmLabel: t(again ? 'gatherings.do.reschedule' : `gatherings.do.${step}`),
      danger: step === 'cancel',
    });
    if (!ok) {
      return;
    }
    await run(async (): Promise<WriteResult<Answer>> => {
      if (step === 'schedule') {
        const result = await runSchedule(gathering.id, gathering.version);
        return result.kind === 'ok' ? { kind: 'ok', data: { schedule: result.data } } : result;
      }
      const result = await lifecycleStep(gathering.id, gathering.version, step);
      return result.kind === 'ok' ? { kind: 'ok', data: { gathering: result.data } } : result;
    });
  }

  return (
    <div className="gathering-lifecycle" data-testid="lifecycle-actions">
      <div className="gathering-lifecycle__buttons" role="group" aria-label={t('gatherings.lifecycle')}>
        {steps.map((step) => (
          <button
            key={step}
            type="button"
            className={step === 'cancel' ? 'button button--danger' : 'button'}
            disabled={busy}
            onClick={() => void act(step)}
            data-step={step}
          >
            {t(step === 'schedule' && gathering.status === 'scheduled' ? 'gatherings.action.reschedule' : `gatherings.action.${step}`)}
          </button>
        ))}
      </div>
      {failure && <WriteAlert failure={failure} onReload={onReload} />}
      {dialog}
    </div>
  );
}
