import type { SwimlaneSvgOptions } from '@sop/swimlane-layout';
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
