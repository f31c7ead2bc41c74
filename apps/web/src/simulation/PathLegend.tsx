import { useI18n } from '../i18n';

/** The legend of a diagram with the active step and the path taken highlighted (simulation, case page). */
export function PathLegend() {
  const { t } = useI18n();
  return (
    <ul className="legend" aria-label={t('legendLabel')}>
      <li>
        <span className="sim-legend sim-legend-active" />
        {t('simActiveLegend')}
      </li>
      <li>
        <span className="sim-legend sim-legend-path" />
        {t('simPathLegend')}
      </li>
    </ul>
  );
}
