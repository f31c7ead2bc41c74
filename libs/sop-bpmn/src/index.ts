export { exportBpmn, type BpmnExport, type BpmnExportOptions } from './export-bpmn';
export { timerOf, waktuOfIso, type TimerDuration } from './iso-duration';
export { SOP_NAMESPACE } from './namespace';
export { importBpmn, BpmnReadError, type BpmnImport, type BpmnImportNote, type BpmnImportOptions } from './import-bpmn';
