import type { ConstructWords, SwimlaneSvgOptions } from '@sop/swimlane-layout';
import type { Translate } from '../i18n';

/** The table's column headers in the UI language (lane names stay as the SOP writes them). */
export function diagramHeaders(t: Translate): NonNullable<SwimlaneSvgOptions['headers']> {
  return {
    no: t('headerNo'),
    kegiatan: t('headerKegiatan'),
    pelaksana: t('headerPelaksana'),
    mutuBaku: t('headerMutuBaku'),
    kelengkapan: t('headerKelengkapan'),
    waktu: t('headerWaktu'),
    output: t('headerOutput'),
    keterangan: t('headerKeterangan'),
  };
}

/** The words of the construct marks (schedule, routing, citizen steps, coordination) in the UI language. */
export function constructWords(t: Translate): ConstructWords {
  return {
    schedule: t('diagramSchedule'),
    scheduleTitle: t('diagramScheduleTitle'),
    citizenChoose: t('diagramCitizenChoose'),
    citizenComplete: t('diagramCitizenComplete'),
    routeBy: t('diagramRouteBy'),
    coordinationWith: t('diagramCoordinationWith'),
  };
}
