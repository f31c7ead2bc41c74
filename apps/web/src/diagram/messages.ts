/** The flowchart's words for coordination, schedules, routing and citizen steps (merged into the UI dictionary in i18n.tsx). */
export const diagramMessagesId = {
  diagramSchedule: 'jadwal',
  diagramScheduleTitle: 'Dapat dijadwalkan: {label}',
  diagramCitizenChoose: 'bila tak dijawab: {outcome}',
  diagramCitizenComplete: 'bila tak dijawab: dianggap selesai',
  diagramRouteBy: 'menurut {field}',
  diagramCoordinationWith: 'Koordinasi dengan {lane}',
  diagramCoordinationTitle: '{step} dapat berkoordinasi dengan {lane}: kasus tetap di langkah ini',
  diagramDocument: 'Dokumen',
  diagramUnits: 'Unit',
};

export const diagramMessagesEn: Record<keyof typeof diagramMessagesId, string> = {
  diagramSchedule: 'schedule',
  diagramScheduleTitle: 'May be scheduled: {label}',
  diagramCitizenChoose: 'if unanswered: {outcome}',
  diagramCitizenComplete: 'if unanswered: taken as done',
  diagramRouteBy: 'by {field}',
  diagramCoordinationWith: 'Coordination with {lane}',
  diagramCoordinationTitle: '{step} may coordinate with {lane}: the case stays at this step',
  diagramDocument: 'Document',
  diagramUnits: 'Units',
};
