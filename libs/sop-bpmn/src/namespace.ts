/** Our XML namespace for what BPMN 2.0 has no place for (Mutu Baku, "hari kerja", roles, channels). */
export const SOP_NAMESPACE = 'urn:sop-platform:bpmn:1';
/** Its prefix in the files we write; a file we read may use any prefix for it. */
export const SOP_PREFIX = 'sop';
/** `exporter` of the definitions we write. */
export const EXPORTER = 'SOP platform (Disdukcapil)';
export const EXPORTER_VERSION = '1';
