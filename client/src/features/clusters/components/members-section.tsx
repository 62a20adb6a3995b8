import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@/components/async-state';
import { DataTable, type TableColumn } from '@/components/data-table';
import { useConfirm } from '@/components/confirm-dialog';
import { GapAlert } from '@/components/gap-alert';
import { municipalityColumn } from '@/components/municipality-column';
import { WriteAlert } from '@/components/write-alert';
import { formatIsoDate, useI18n } from '@/lib/i18n';
import { useMunicipalityNames } from '@/lib/places';
import { useLoaded } from '@/lib/use-loaded';
import type { WriteFailure, WriteResult } from '@/lib/write-result';
import { acceptMember, listMembers, removeMember } from '../api/members';
import type { Cluster, ClusterMember } from '../api/types';
import { useStepLabel, type ClusterViewer } from '../viewer';
import { AddSiteForm } from './add-site-form';
import { ApplyForm } from './apply-form';

/**
 * The cluster's member sites with the value-chain steps each covers, and the steps no member covers. Coordinators also
 * see applicants; the cluster's own coordinators accept and remove them and add sites. A supplier account applies
 * with one of its sites, and withdraws it.
 */
export function MembersSection({ cluster, viewer, onChanged }: { cluster: Cluster; viewer: ClusterViewer; onChanged: () => void }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const members = useLoaded(`${cluster.id}-${cluster.version}-members-${generation}`, (signal) => listMembers(cluster.id, signal));
  const [working, setWorking] = useState(false);
  const [failure, setFailure] = useState<WriteFailure | null>(null);
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const { confirm, dialog } = useConfirm();

  // A member removed (or withdrawn) also leaves the cluster's themes; joining again starts as a new application.
  async function remove(member: ClusterMember) {
    const own = !viewer.manages;
    const confirmed = await confirm({
      title: own
        ? t('clusters.confirm.withdraw', { name: member.nameJa })
        : t('clusters.confirm.remove', { name: member.nameJa }),
      body: <p>{t('clusters.confirm.removeBody')}</p>,
      confirmLabel: own ? t('clusters.confirm.withdrawAction') : t('clusters.confirm.removeAction'),
      danger: true,
    });
    if (confirmed) {
      await run(() => removeMember(cluster.id, member.supplierId));
    }
  }

  function changed() {
    setGeneration((n) => n + 1);
    onChanged();
  }

  async function run<T>(action: () => Promise<WriteResult<T>>) {
    setWorking(true);
    setFailure(null);
    const result = await action();
    setWorking(false);
    if (result.kind === 'ok') {
      changed();
    } else {
      setFailure(result);
    }
  }

  return (
    <section className="card" aria-labelledby="members-heading" data-testid="cluster-members">
      <h2 id="members-heading">{t('clusters.members')}</h2>
      {members.state.kind === 'loading' && <LoadingState />}
      {members.state.kind === 'error' && <ErrorState error={members.state.error} onRetry={members.reload} />}
      {failure && <WriteAlert failure={failure} />}
      {dialog}
      {members.state.kind === 'ready' && (
        <MemberTable
          cluster={cluster}
          members={members.state.data}
          viewer={viewer}
          mine={mine}
          working={working}
          onAccept={(m) => void run(() => acceptMember(cluster.id, m.supplierId))}
          onRemove={(m) => void remove(m)}
        />
      )}
      {viewer.manages && (
        <AddSiteForm cluster={cluster} onAdded={changed} />
      )}
      {viewer.signedIn && !viewer.coordinator && cluster.status === 'published' && (
        <ApplyForm
          cluster={cluster}
          members={members.state.kind === 'ready' ? members.state.data : []}
          onSites={(sites) => setMine(new Set(sites.map((s) => s.id)))}
          onApplied={changed}
        />
      )}
    </section>
  );
}

export function MemberTable({
  cluster,
  members,
  viewer,
  mine = new Set(),
  working = false,
  onAccept,
  onRemove,
}: {
  cluster: Cluster;
  members: readonly ClusterMember[];
  viewer: ClusterViewer;
  mine?: ReadonlySet<string>;
  working?: boolean;
  onAccept?: (member: ClusterMember) => void;
  onRemove?: (member: ClusterMember) => void;
}) {
  const { t } = useI18n();
  const stepLabel = useStepLabel(cluster.valueChain);
  const accepted = members.filter((m) => m.status === 'member');
  const covered = new Set(accepted.flatMap((m) => m.coveredSteps));
  const uncovered = cluster.valueChain.map((_, i) => i).filter((i) => !covered.has(i));
  const actions = viewer.manages || members.some((m) => mine.has(m.supplierId));

  const nameOf = useMunicipalityNames(members.map((m) => m.municipalityCode));
  const columns: TableColumn<ClusterMember>[] = [
    {
      key: 'name',
      header: t('clusters.col.site'),
      value: (m) => m.nameJa,
      render: (m) => <Link to={`/suppliers/${m.supplierId}`}>{m.nameJa}</Link>,
    },
    {
      key: 'status',
      header: t('clusters.col.membership'),
      value: (m) => t(`clusters.membership.${m.status}`),
      render: (m) => (
        <span className={m.status === 'member' ? 'badge badge--on' : 'badge badge--off'} data-testid="membership">
          {t(`clusters.membership.${m.status}`)}
        </span>
      ),
    },
    {
      key: 'steps',
      header: t('clusters.col.coveredSteps'),
      value: (m) => m.coveredSteps.map(stepLabel).join(' / '),
      render: (m) =>
        m.coveredSteps.length > 0 ? (
          <ul className="tags" data-testid="covered-steps" aria-label={t('clusters.coveredStepsOf', { name: m.nameJa })}>
            {m.coveredSteps.map((step) => (
              <li key={step} className="tag" data-step={step}>
                {stepLabel(step)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted" data-testid="covered-steps">
            {t('clusters.coversNone')}
          </span>
        ),
    },
    municipalityColumn('municipality', t('coverage.municipalityCode'), (m) => m.municipalityCode, nameOf),
    {
      key: 'since',
      header: t('clusters.col.since'),
      value: (m) => formatIsoDate(m.joinedAt ?? m.appliedAt),
      kind: 'date',
    },
  ];
  if (viewer.coordinator) {
    columns.push({ key: 'note', header: t('clusters.col.note'), value: (m) => m.note ?? '' });
  }
  if (actions) {
    columns.push({
      key: 'actions',
      header: t('clusters.col.actions'),
      value: () => '',
      csv: false,
      render: (m) => (
        <span className="clusters__row-actions">
          {viewer.manages && m.status === 'applied' && (
            <button
              type="button"
              className="button button--small"
              disabled={working}
              onClick={() => onAccept?.(m)}
              aria-label={t('clusters.acceptOf', { name: m.nameJa })}
            >
              {t('clusters.accept')}
            </button>
          )}
          {(viewer.manages || mine.has(m.supplierId)) && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={working}
              onClick={() => onRemove?.(m)}
              aria-label={
                viewer.manages ? t('clusters.removeOf', { name: m.nameJa }) : t('clusters.withdrawOf', { name: m.nameJa })
              }
            >
              {viewer.manages ? t('clusters.remove') : t('clusters.withdraw')}
            </button>
          )}
        </span>
      ),
    });
  }

  return (
    <>
      {cluster.valueChain.length > 0 &&
        (uncovered.length > 0 ? (
          <GapAlert
            title={t('clusters.uncoveredByMembers', { count: uncovered.length })}
            items={uncovered.map((step) => ({ key: String(step), text: stepLabel(step) }))}
            testId="uncovered-steps"
          />
        ) : (
          accepted.length > 0 && (
            <p className="notice" data-testid="uncovered-steps">
              {t('clusters.allCoveredByMembers')}
            </p>
          )
        ))}
      <DataTable
        caption={t('clusters.memberTable', { count: accepted.length })}
        fileName={`${cluster.code}-members`}
        columns={columns}
        rows={members}
        rowKey={(m) => m.supplierId}
        empty={t('clusters.noMembers')}
        testId="member-table"
        rowTestId="member-row"
      />
    </>
  );
}
