/** The simulation's words for periodic procedures (merged into the UI dictionary in i18n.tsx). */
export const simulationMessagesId = {
  simFlowLabel: 'Alur yang disimulasikan',
  simScheduleTitle: 'Jadwal berkala',
  simScheduleEvery: 'Dijalankan {every}, pada hari kerja {at} periode.',
  simAtEnd: 'terakhir',
  simAtStart: 'pertama',
  simNextRun: 'Pelaksanaan berikutnya (periode {period}) jatuh tempo',
  simNoNextRun: 'Tidak ada pelaksanaan lagi dalam jangkauan data hari libur kalender kantor.',
  simJumpRun: 'Maju ke jadwal berikutnya',
  simWaitingRun: 'Belum ada pelaksanaan yang dibuka. Majukan jam simulasi sampai jadwal berikutnya: sistem membukanya seperti server.',
  simRunOpened: 'Pelaksanaan periode {period} dibuka {at}.',
  simEventRunOpened: 'Pelaksanaan berkala dibuka',
  simChannelLabel: 'Pengaduan masuk melalui',
  simChannelHint: 'Alur ini punya beberapa jalur masuk: pengaduan dimulai pada langkah awal saluran yang dipilih.',
};

export const simulationMessagesEn: Record<keyof typeof simulationMessagesId, string> = {
  simFlowLabel: 'Flow to simulate',
  simScheduleTitle: 'Schedule',
  simScheduleEvery: 'Runs {every}, on the {at} working day of the period.',
  simAtEnd: 'last',
  simAtStart: 'first',
  simNextRun: 'The next run (period {period}) falls due',
  simNoNextRun: 'No further run within the office calendar’s holiday data.',
  simJumpRun: 'Jump to the next run',
  simWaitingRun: 'No run is open yet. Move the virtual clock to the next due time: the system opens it as the server does.',
  simRunOpened: 'Run for period {period} opened {at}.',
  simEventRunOpened: 'Periodic run opened',
  simChannelLabel: 'Complaint comes in by',
  simChannelHint: 'This flow has several ways in: the complaint begins at the start of the channel chosen.',
};
