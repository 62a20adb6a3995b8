import { VerificationQueue } from '@/features/verification/components/verification-queue';
import { useI18n } from '@/lib/i18n';

export function VerificationRoute() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="verification-heading">
      <h1 id="verification-heading">{t('verificationQueue.heading')}</h1>
      <p className="muted">{t('verificationQueue.lead')}</p>
      <VerificationQueue />
    </section>
  );
}
