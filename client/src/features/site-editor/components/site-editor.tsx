import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { FormAlert } from '@/components/form-alert';
import { NotFound } from '@/components/not-found';
import { useUnsavedChanges } from '@/components/unsaved-changes';
import { reconfirmSupplier, type SupplierProfile } from '@/lib/api/suppliers';
import { errorsFor, type FieldErrors } from '@/lib/field-errors';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import { usePageTitle } from '@/lib/page-title';
import { ApiError } from '@/lib/problem';
import type { WriteFailure } from '@/lib/write-result';
import { publishSupplier } from '../api/publish-supplier';
import { unpublishSupplier } from '../api/unpublish-supplier';
import { updateSupplier } from '../api/update-supplier';
import { useSiteEditor } from '../hooks/use-site-editor';
import { capabilitySpec, certificationSpec, equipmentSpec, staffSpec } from '../part-specs';
import { factsFromProfile, factsToInput, type SiteFacts } from '../site-facts';
import { ClosedDaysEditor } from './closed-days-editor';
import { PartEditor } from './part-editor';
import { SiteFactsForm } from './site-facts-form';
import './site-editor.css';

type Save = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };
type Action =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; failure: WriteFailure; errors: FieldErrors };

/** "My site": a site's facts and disclosure, its parts, and publishing — for its owner or a coordinator. */
export function SiteEditor({ id }: { id: string }) {
  const { t } = useI18n();
  const editor = useSiteEditor(id);
  const [facts, setFacts] = useState<SiteFacts | null>(null);
  // What the form was filled from: the facts differ from it until saved. Part forms that are open count too.
  const [baseline, setBaseline] = useState<SiteFacts | null>(null);
  const [openParts, setOpenParts] = useState<Record<string, boolean>>({});
  const [save, setSave] = useState<Save>({ kind: 'idle' });
  const [action, setAction] = useState<Action>({ kind: 'idle' });
  const profile = editor.state.kind === 'ready' ? editor.state.profile : null;

  // Fill the form afresh on the first load, on reload and after saving — not when parts are read again.
  useEffect(() => {
    if (profile) {
      const filled = factsFromProfile(profile);
      setFacts(filled);
      setBaseline(filled);
    }
  }, [editor.generation]);

  const dirty =
    (facts !== null && baseline !== null && JSON.stringify(facts) !== JSON.stringify(baseline)) ||
    Object.values(openParts).some(Boolean);
  useUnsavedChanges(dirty);
  usePageTitle(profile ? t('editor.heading', { name: profile.nameJa }) : null, 1);
  const partOpen = (kind: string) => (open: boolean) =>
    setOpenParts((previous) => (previous[kind] === open ? previous : { ...previous, [kind]: open }));

  if (editor.state.kind === 'loading' || (profile && !facts)) {
    return <LoadingState />;
  }
  if (editor.state.kind === 'error') {
    if (editor.state.error instanceof ApiError && editor.state.error.status === 404) {
      return (
        <NotFound
          heading={t('profile.notFound')}
          body={t('profile.notFoundBody')}
          back={{ to: '/my/sites', label: t('editor.backToMySites') }}
        />
      );
    }
    return <ErrorState error={editor.state.error} onRetry={editor.reload} />;
  }
  if (!profile || !facts) {
    return null;
  }
  if (!profile.canEdit) {
    return (
      <section className="card" data-testid="cannot-edit">
        <h1>{t('editor.cannotEdit')}</h1>
        <p>
          <Link to={`/suppliers/${profile.id}`}>{t('editor.viewProfile')}</Link>
        </p>
      </section>
    );
  }

  async function submitFacts(current: SiteFacts, site: SupplierProfile) {
    const parsed = factsToInput(current, t);
    if ('errors' in parsed) {
      setSave({ kind: 'failed', failure: { kind: 'invalid', errors: parsed.errors, problem: null }, errors: parsed.errors });
      return;
    }
    setSave({ kind: 'saving' });
    const result = await updateSupplier(site.id, editor.version, parsed.input);
    if (result.kind === 'ok') {
      editor.saved(result.data);
      setSave({ kind: 'saved' });
      setAction({ kind: 'idle' });
    } else {
      setSave({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  async function lifecycle(run: () => ReturnType<typeof publishSupplier>, done: string) {
    setAction({ kind: 'busy' });
    const result = await run();
    if (result.kind === 'ok') {
      editor.afterOwnWrite(result.data);
      setAction({ kind: 'done', message: done });
    } else {
      setAction({ kind: 'failed', failure: result, errors: result.kind === 'invalid' ? result.errors : {} });
    }
  }

  const publishErrors = action.kind === 'failed' ? action.errors : {};
  const formErrors = { ...publishErrors, ...(save.kind === 'failed' ? save.errors : {}) };
  const reload = () => {
    setSave({ kind: 'idle' });
    setAction({ kind: 'idle' });
    editor.reload();
  };
  const equipment = profile.equipment.items ?? [];

  return (
    <div className="site-editor" data-testid="site-editor">
      <header className="card site-editor__header">
        <h1>{t('editor.heading', { name: profile.nameJa })}</h1>
        <div className="profile__badges">
          <span className={profile.status === 'published' ? 'badge badge--on' : 'badge badge--off'} data-testid="site-status">
            {t(`status.${profile.status}`)}
          </span>
          <span className="badge">{t(`verification.${profile.verification.status}`)}</span>
          <span className="muted">{t('profile.confirmedAt', { date: formatIsoDate(profile.confirmedAt) })}</span>
        </div>
        <div className="site-editor__actions">
          <Link to={`/suppliers/${profile.id}`}>{t('editor.viewProfile')}</Link>
          {profile.status === 'draft' && (
            <button
              type="button"
              className="button"
              disabled={action.kind === 'busy'}
              onClick={() => void lifecycle(() => publishSupplier(profile.id), t('editor.published'))}
            >
              {t('editor.publish')}
            </button>
          )}
          {profile.status === 'published' && (
            <button
              type="button"
              className="button button--secondary"
              disabled={action.kind === 'busy'}
              onClick={() => void lifecycle(() => unpublishSupplier(profile.id), t('editor.unpublished'))}
            >
              {t('editor.unpublish')}
            </button>
          )}
          <button
            type="button"
            className="button button--secondary"
            disabled={action.kind === 'busy'}
            onClick={() => void lifecycle(() => reconfirmSupplier(profile.id), t('profile.reconfirmed'))}
          >
            {t('profile.reconfirm')}
          </button>
        </div>
        {action.kind === 'done' && (
          <p className="notice" role="status">
            {action.message}
          </p>
        )}
        {action.kind === 'failed' && (
          <FormAlert
            scope=".site-editor"
            failure={action.failure}
            unclaimed={Object.entries(action.errors).flatMap(([, messages]) => messages)}
            onReload={reload}
          />
        )}
      </header>

      <section className="card" aria-labelledby="facts-form-heading">
        <h2 id="facts-form-heading">{t('editor.facts')}</h2>
        <SiteFactsForm
          facts={facts}
          onChange={(next) => {
            setFacts(next);
            if (save.kind === 'saved') {
              setSave({ kind: 'idle' });
            }
          }}
          onSubmit={() => void submitFacts(facts, profile)}
          submitting={save.kind === 'saving'}
          submitLabel={t('form.save')}
          errors={formErrors}
          failure={save.kind === 'failed' ? save.failure : null}
          onReload={reload}
          saved={save.kind === 'saved'}
        />
      </section>

      <PartEditor
        supplierId={profile.id}
        spec={capabilitySpec}
        onOpenChange={partOpen('capabilities')}
        items={profile.capabilities.items ?? []}
        level={profile.capabilities.level}
        equipment={equipment}
        sectionErrors={errorsFor(publishErrors, 'capabilities')}
        onWritten={() => editor.afterOwnWrite()}
        onReload={reload}
      />
      <PartEditor
        supplierId={profile.id}
        spec={equipmentSpec}
        onOpenChange={partOpen('equipment')}
        items={equipment}
        level={profile.equipment.level}
        onWritten={() => editor.afterOwnWrite()}
        onReload={reload}
      />
      <PartEditor
        supplierId={profile.id}
        spec={certificationSpec}
        onOpenChange={partOpen('certifications')}
        items={profile.certifications.items ?? []}
        level={profile.certifications.level}
        onWritten={() => editor.afterOwnWrite()}
        onReload={reload}
      />
      <PartEditor
        supplierId={profile.id}
        spec={staffSpec}
        onOpenChange={partOpen('staff')}
        items={profile.staff.items ?? []}
        level={profile.staff.level}
        onWritten={() => editor.afterOwnWrite()}
        onReload={reload}
      />
      <ClosedDaysEditor supplierId={profile.id} onOpenChange={partOpen('calendar')} />
    </div>
  );
}
