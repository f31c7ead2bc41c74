// Generates a valid SOP YAML of `steps` steps over `lanes` lanes, for benchmarks.
// Every 5th step is a decision whose second outcome escalates to the next step two lanes further,
// so the graph has branches, escalations and several durations like a real SOP.
const { stringify } = require('yaml');

function generateLargeSop({ steps = 500, lanes = 8 } = {}) {
  const laneIds = Array.from({ length: lanes }, (_, i) => `lane-${i + 1}`);
  const roles = ['pemohon', 'petugas', 'kasi', 'kabid', 'sekretaris', 'kepala-dinas', 'bidang-teknis', 'analis'];
  const waktu = ['5 menit', '1 jam', '1 hari', '3 hari kerja', '30 Menit'];
  const list = [];
  const id = (i) => `langkah-${i}`;
  for (let i = 1; i <= steps; i++) {
    const kind = i === 1 ? 'start' : i === steps ? 'end' : i % 5 === 0 && i < steps - 2 ? 'decision' : 'task';
    const step = {
      id: id(i),
      number: String(i),
      kind,
      lane: laneIds[i === 1 || i === steps ? 0 : 1 + ((i - 2) % (lanes - 1))],
      label: kind === 'start' ? 'Mulai' : kind === 'end' ? 'Selesai' : `Langkah ${i}`,
      activity: `Kegiatan nomor ${i} menurut uraian prosedur`,
      kelengkapan: 'Buku Laporan Pengaduan',
      waktu: waktu[i % waktu.length],
      output: `Keluaran langkah ${i}`,
      keterangan: null,
    };
    if (kind === 'start' || kind === 'task') step.next = id(i + 1);
    if (kind === 'decision') {
      step.outcomes = [
        { id: 'selesai', label: 'Selesai', to: id(i + 1) },
        { id: 'naik', label: 'Tidak terselesaikan', to: id(i + 2), kind: 'escalation' },
      ];
      step.onTimeout = { action: 'escalate' };
    }
    list.push(step);
  }
  const doc = {
    schemaVersion: 1,
    identity: {
      government: 'PEMERINTAH KABUPATEN CONTOH',
      regency: 'Kabupaten Contoh',
      office: 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
      title: `SOP Uji ${steps} Langkah`,
    },
    calendar: { timeZone: 'Asia/Jakarta' },
    sections: { dasarHukum: ['UU 25/2009'], kualifikasiPelaksana: [], keterkaitan: [], peralatanPerlengkapan: [], peringatan: [], pencatatanPendataan: [] },
    lanes: laneIds.map((l, i) => ({ id: l, name: `Pelaksana ${i + 1}`, role: roles[i % roles.length] })),
    intake: { channels: [{ id: 'website', kind: 'website', label: 'Website' }] },
    steps: list,
  };
  return '# yaml-language-server: $schema=../schemas/sop.schema.json\n' + stringify(doc, { lineWidth: 0 });
}

module.exports = { generateLargeSop };
