import { useI18n } from '../i18n';

/** Whether the page follows the live updates now (a dot and words; the words for screen readers too). */
export function LiveBadge({ connected }: { connected: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`live-badge ${connected ? 'live-on' : 'live-off'}`} data-testid="live-status" data-connected={String(connected)} role="status">
      {connected ? t('liveConnected') : t('liveOffline')}
    </span>
  );
}
