import { diffSopVersions } from '@sop/compare';
import { validateSop } from '@sop/model';
import { useMemo } from 'react';
import { fetchSop } from '../api';
import { Notice } from '../components/Shell';
import { VersionDiffView } from '../compare/VersionDiffView';
import { useI18n } from '../i18n';
import { useFetch } from '../use-fetch';
import '../compare/compare.css';
import './approval.css';

/**
 * What a proposal changes against the version in effect, before the author sends it: the same
 * version diff the comparison page shows (libs/sop-compare), on the draft's YAML.
 */
export function ProposalPreview({ sopId, yaml }: { sopId: string; yaml: string }) {
  const { t } = useI18n();
  const current = useFetch(`sop:${sopId}:in-effect`, (signal) => fetchSop(sopId, signal));
  const draft = useMemo(() => validateSop(yaml, { file: `sops/${sopId}.yaml` }).sop ?? null, [yaml, sopId]);
  const diff = useMemo(() => (current.state === 'ready' && draft ? diffSopVersions(current.value.sop, draft) : null), [current, draft]);
  return (
    <section className="save-preview" data-testid="save-preview" aria-label={t('savePreviewTitle')}>
      {current.state === 'loading' && <Notice kind="loading">{t('savePreviewLoading')}</Notice>}
      {current.state === 'error' && <Notice kind="error">{t('savePreviewFailed', { message: current.message })}</Notice>}
      {current.state === 'ready' && !draft && <Notice kind="error">{t('savePreviewInvalid')}</Notice>}
      {current.state === 'ready' && diff && <VersionDiffView from={t('savePreviewFrom', { n: current.value.version })} to={t('savePreviewTo')} diff={diff} />}
    </section>
  );
}
