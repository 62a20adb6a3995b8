import { SupplierSearch } from '@/features/supplier-search/components/supplier-search';
import { useI18n } from '@/lib/i18n';

export function SuppliersRoute() {
  const { t } = useI18n();
  return (
    <>
      <h1 className="page-title">{t('search.heading')}</h1>
      <SupplierSearch />
    </>
  );
}
