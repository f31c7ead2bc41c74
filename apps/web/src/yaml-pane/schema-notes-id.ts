/**
 * The SOP language's descriptions in Bahasa Indonesia, by JSON pointer into schemas/sop.schema.json
 * (the schema's own descriptions are English). The YAML pane's completion shows these in the
 * Indonesian page; a test checks that every description of the schema has its entry here.
 * The lane roles' descriptions live with the roles (`roleDescription` of @sop/model).
 */
export const SCHEMA_NOTES_ID: Readonly<Record<string, string | readonly string[]>> = {
  '/description':
    'SOP penanganan pengaduan sebuah Disdukcapil dalam format SOP-AP menurut PermenPAN-RB 35/2012. Id SOP adalah nama berkasnya (sops/<id>.yaml). Nilai teks memuat kata-kata SOP sumber; null berarti nilainya kosong atau hilang dalam sumber (tidak diketahui).',
  '/properties/schemaVersion/description': 'Versi skema ini yang menjadi acuan penulisan dokumen.',
  '/properties/lanes/description': 'Kolom Pelaksana pada diagram alur, sesuai urutan dalam sumber.',
  '/properties/steps/description': "Baris-baris diagram alur, sesuai urutan dalam sumber. Langkah pertama berjenis 'start' adalah tempat sebuah kasus dimulai.",
  '/properties/periodic/description': 'Prosedur yang tidak dijalankan per pengaduan, tetapi menurut jadwal (rekap harian, tinjauan bulanan).',
  '/properties/templates/description': 'Teks pesan yang ditetapkan SOP, kata demi kata.',
  '/$defs/Id/description': 'Pengenal tetap: huruf kecil, angka dan tanda hubung, diawali huruf.',
  '/$defs/Text/description': 'Teks sebagaimana tertulis dalam sumber.',
  '/$defs/SourceText/description': 'Teks sebagaimana tertulis dalam sumber; null bila sumber membiarkannya kosong atau teks itu hilang.',
  '/$defs/TextList/description': 'Teks sebagaimana tertulis dalam sumber: satu string, daftar string, atau null bila kosong.',
  '/$defs/Identity/description': 'Blok identitas SOP-AP.',
  '/$defs/Identity/properties/government/description': 'mis. PEMERINTAH KOTA METRO',
  '/$defs/Identity/properties/regency/description': 'Kota atau Kabupaten, mis. Kota Metro',
  '/$defs/Identity/properties/regionCode/description': 'Kode Kemendagri untuk Kabupaten/Kota, mis. 18.72',
  '/$defs/Identity/properties/office/description': 'mis. Dinas Kependudukan dan Pencatatan Sipil',
  '/$defs/Identity/properties/unit/description': 'Bidang yang memiliki SOP ini, bila disebutkan.',
  '/$defs/Identity/properties/number/description': 'Nomor SOP',
  '/$defs/Identity/properties/title/description': 'Nama SOP / Judul SOP',
  '/$defs/Identity/properties/flowchartTitle/description': 'Judul yang tercetak di atas tabel diagram alur, bila ada.',
  '/$defs/Identity/properties/approvedBy/description': 'Disahkan oleh.',
  '/$defs/OfficeCalendar/description':
    'Kalender waktu kerja kantor. Hari libur nasional dan cuti bersama diambil dari data SKB 3 Menteri milik platform; jam kerja bawaannya mengikuti Perpres 21/2023.',
  '/$defs/OfficeCalendar/properties/timeZone/description': 'WIB = Asia/Jakarta, WITA = Asia/Makassar, WIT = Asia/Jayapura.',
  '/$defs/OfficeCalendar/properties/workingHours/description':
    'Menggantikan ketentuan Perpres 21/2023 (Pasal 7 membolehkan unit yang melayani masyarakat menetapkan hari kerja lain). Hari yang tidak dicantumkan bukan hari kerja.',
  '/$defs/Sections/description':
    'Bagian-bagian SOP-AP, masing-masing berupa daftar butir sebagaimana tertulis (kosong bila sumber membiarkan bagian itu kosong).',
  '/$defs/ServiceStandard/description':
    'Standar pelayanan: standar pelayanan yang dicantumkan SOP untuk layanan secara keseluruhan (biaya dan dasar hukumnya, persyaratan, waktu keseluruhan dan ketentuannya, produk). Semua isian bersifat opsional: jangan tulis yang tidak tercantum dalam sumber; null berarti tercantum tetapi kosong, tidak terbaca atau hilang.',
  '/$defs/ServiceStandard/properties/biaya/description': 'Biaya / tarif sebagaimana tertulis, mis. "Gratis" atau "Tidak dipungut biaya".',
  '/$defs/ServiceStandard/properties/dasarBiaya/description': 'Dasar hukum biaya sebagaimana tertulis, mis. peraturan yang menggratiskan layanan.',
  '/$defs/ServiceStandard/properties/persyaratan/description': 'Persyaratan pelayanan: apa yang harus dibawa atau diserahkan warga, sebagaimana tertulis.',
  '/$defs/ServiceStandard/properties/waktuPenyelesaian/description':
    'Jangka waktu penyelesaian: waktu layanan secara keseluruhan sebagaimana tertulis (mis. "14 hari kerja"); bukan batas waktu suatu langkah.',
  '/$defs/ServiceStandard/properties/kondisiWaktu/description': 'Ketentuan waktu keseluruhan itu sebagaimana tertulis (mis. "sejak berkas diterima lengkap").',
  '/$defs/ServiceStandard/properties/produk/description': 'Produk pelayanan: apa yang dihasilkan layanan, sebagaimana tertulis.',
  '/$defs/SourceState/description':
    'Keadaan dokumen sumber. complete: false bila dokumen terpotong atau rusak: bagian yang hilang tetap dibiarkan kosong (aturan struktur yang akan memaksa penyusun mengarang langkah menjadi peringatan), SOP dapat diterbitkan untuk dilihat dan dibandingkan, dan SOP itu tidak menjalankan kasus.',
  '/$defs/SourceState/properties/complete/description': 'false bila sumber terpotong atau rusak.',
  '/$defs/SourceState/properties/note/description': 'Apa yang hilang atau rusak, mis. "halaman 2 tidak ada".',
  '/$defs/Provenance/description':
    'Asal sebuah langkah, hasil keputusan, lompatan, aturan waktu habis atau kanal, bila tidak sekadar tertulis dalam sumber. inferred: tidak tertulis; keputusan platform (siapa pun yang menuliskan SOP ke platform), dijelaskan di note. incomplete: tertulis tetapi terpotong atau rusak; note menyebutkan apa yang hilang. Langkah yang ditandai demikian digambar dengan garis putus-putus dan dicantumkan oleh inspect dan compare.',
  '/$defs/Provenance/properties/status/enumDescriptions': [
    'Tidak tertulis dalam sumber: keputusan platform (penyalinnya), bukan keputusan kantor. Jelaskan alasannya di note.',
    'Tertulis dalam sumber tetapi terpotong atau rusak: yang ada tetap disimpan, sisanya tidak dikarang.',
  ],
  '/$defs/Provenance/properties/note/description': 'Mengapa disimpulkan, atau apa yang hilang.',
  '/$defs/Lane/description':
    "Sebuah kolom Pelaksana. id-nya adalah peran akses orang-orang yang mengerjakannya saat SOP dijalankan; role-nya adalah peran umum nasional yang dijalankannya, agar Kabupaten/Kota dapat dibandingkan, atau 'other' disertai roleDescription.",
  '/$defs/Lane/properties/name/description': 'Judul kolom sebagaimana tertulis.',
  '/$defs/Lane/properties/roleDescription/description':
    'Wajib bila role: other, dan hanya dibaca dalam hal itu: apa yang dikerjakan lajur ini, dengan kata-kata SOP sendiri (mis. "Tim Pengaduan yang ditetapkan dengan Keputusan Kepala Dinas"). Perbandingan mencantumkan lajur ini menurut uraian ini, terpisah dari peran umum.',
  '/$defs/Lane/properties/unitField/description':
    'Bersama units: id isian formulir yang nilainya menentukan unit ("Kabid/Kasi bidang terkait"); bawaannya intake.categoryField.',
  '/$defs/Lane/properties/units/description':
    'Unit-unit yang diwakili satu lajur (setiap Bidang atau Seksi): kasus di lajur ini menuju unit yang values-nya memuat nilai unitField kasus itu; petugas pemegang lajur melihat kasus semua unit, pemegang lane:unit hanya kasus unitnya sendiri.',
  '/$defs/LaneRole/description':
    "Peran umum nasional yang dijalankan sebuah lajur, dipakai untuk membandingkan Kabupaten/Kota. 'other' bila tidak ada yang cocok, disertai roleDescription lajur itu.",
  '/$defs/Intake/description': 'Cara pengaduan masuk.',
  '/$defs/Intake/properties/categoryField/description': 'Id isian formulir yang memuat kategori pengaduan, bila formulirnya memiliki isian itu.',
  '/$defs/Intake/properties/revealTo/description':
    'Id lajur yang, selain lajur langkah sesudah langkah start (lajur penerimaan), boleh melihat isian rahasia pelapor.',
  '/$defs/Channel/properties/kind/description': "Sarana masuknya pengaduan. 'lapor' adalah SP4N-LAPOR!, layanan pengaduan publik nasional (lapor.go.id).",
  '/$defs/Channel/properties/label/description': 'Sebagaimana tertulis dalam sumber.',
  '/$defs/Form/description': 'Formulir pengaduan (mis. Buleleng FM-PDIP-03-01) atau isian pendaftaran yang disebut SOP.',
  '/$defs/Form/properties/document/description': 'Nomor dokumen, mis. FM-PDIP-03-01',
  '/$defs/Form/properties/notice/description': 'Pemberitahuan yang tercetak pada formulir, kata demi kata.',
  '/$defs/FormField/properties/type/description':
    'nik dan kk: 16 angka dengan strukturnya; nik-or-kk menerima salah satunya; phone: nomor ponsel Indonesia (08…, 628…, +628…); landline: telepon tetap dengan kode areanya ((0361) 222333); phone-or-landline: salah satunya, untuk formulir yang menyebut "telepon". file: lampiran (foto KTP, surat, tangkapan layar): tidak pernah ditampilkan di halaman publik.',
  '/$defs/FormField/properties/confidential/description': 'Data pribadi pelapor: disamarkan untuk semua lajur kecuali lajur penerimaan dan intake.revealTo.',
  '/$defs/FormField/properties/options/description': "Pilihan-pilihan isian 'choice', sebagaimana tertulis.",
  '/$defs/FormField/properties/accept/description':
    'Untuk isian file: jenis berkas yang diterima, sebagai tipe MIME (image/jpeg, image/png, application/pdf); bawaan: JPEG, PNG dan PDF.',
  '/$defs/FormField/properties/maxSizeMb/description': 'Untuk isian file: ukuran berkas terbesar yang diterima, dalam megabita (bawaan 5).',
  '/$defs/StepKind/description': 'start dan end adalah simbol terminator (Mulai, Selesai), task persegi panjang, decision belah ketupat.',
  '/$defs/Step/description': 'Sebuah baris diagram alur.',
  '/$defs/Step/properties/number/description': 'Nomor yang tercetak di kolom No, sebagai string; null bila nomor itu hilang dalam sumber.',
  '/$defs/Step/properties/lane/description': 'Id lajur (Pelaksana) yang melaksanakan langkah ini.',
  '/$defs/Step/properties/channels/description':
    "Pada langkah start dalam alur yang memiliki beberapa start: id kanal penerimaan (dan 'web', formulir publik) yang pengaduannya dimulai di sini. Alur dengan satu start melayani semua kanal dan tidak memerlukan daftar ini.",
  '/$defs/Step/properties/label/description': 'Teks di dalam simbol diagram alur (mis. Mulai, Periksa pengaduan, Selesai).',
  '/$defs/Step/properties/activity/description': 'Kegiatan / Uraian Prosedur.',
  '/$defs/Step/properties/kelengkapan/description': 'Mutu Baku: Kelengkapan / Persyaratan.',
  '/$defs/Step/properties/waktu/description': "Mutu Baku: Waktu, sebagaimana tertulis (mis. '5 menit', '3 hari kerja').",
  '/$defs/Step/properties/output/description': 'Mutu Baku: Output.',
  '/$defs/Step/properties/next/description': 'Langkah yang mengikuti langkah start atau task.',
  '/$defs/Step/properties/outcomes/description': 'Hasil sebuah keputusan, masing-masing dengan namanya.',
  '/$defs/Step/properties/escalation/description': 'Tujuan langkah task bila dieskalasi satu tingkat ke atas.',
  '/$defs/Step/properties/rejection/description': 'Tujuan langkah task bila pengaduan ditolak.',
  '/$defs/Step/properties/template/description': 'Templat pesan yang dipakai pada langkah ini.',
  '/$defs/Step/properties/coordination/description':
    'Lajur yang boleh ditanya langkah ini (Helpdesk, Bidang teknis, PPID) selama langkah ini tetap memegang kasus: pertanyaan dan jawabannya menjadi dua baris kartu kendali, dan jawabannya kembali ke langkah ini.',
  '/$defs/Step/properties/routeBy/description':
    'Pada keputusan: hasil mengikuti nilai isian formulir ini pada kasus (`when` setiap hasil); petugas melihat hasil itu sudah terpilih dan dapat memilih hasil lain dengan catatan.',
  '/$defs/Step/properties/routeBy/properties/field/description': 'Isian pilihan pada formulir, biasanya intake.categoryField.',
  '/$defs/Step/properties/schedule/description':
    'Petugas menetapkan tanggal (pertemuan ulang, kunjungan) dan kasus menunggu sampai tanggal itu: keluar dari kotak masuk, ditampilkan di halaman tiket, kembali ke kotak masuk pada tanggal itu dengan Waktu langkah dihitung lagi mulai saat itu.',
  '/$defs/Step/properties/schedule/properties/label/description': 'Apa yang dijadwalkan, menurut kata-kata SOP (Jadwal pertemuan ulang).',
  '/$defs/Outcome/properties/label/description': 'Sebagaimana tertulis (valid, tidak valid, selesai, tidak terselesaikan, ditolak).',
  '/$defs/Outcome/properties/kind/description':
    'escalation: hasil ini meneruskan pengaduan satu tingkat ke atas; rejection: pengaduan ditolak atau dikembalikan; referral: pengaduan bukan wewenang kantor ini dan dilimpahkan ke instansi yang berwenang (Bukan Wewenang di SP4N-LAPOR!, dilimpahkan ke Inspektorat): kasusnya keluar dari kantor lewat jalur ini dan laporan menghitungnya tersendiri.',
  '/$defs/Outcome/properties/when/description':
    'Bersama routeBy keputusan: nilai-nilai isian (sebagaimana tertulis dalam options isian itu) yang menuju hasil ini.',
  '/$defs/Outcome/properties/document/description':
    'Dokumen yang terbit pada hasil ini, sebagaimana tertulis (berita acara, surat keberatan): dicatat pada baris kartu kendali dan dihitung dalam laporan.',
  '/$defs/TimeoutRule/description':
    'Apa yang terjadi bila Waktu langkah terlewati. flag: kasus tetap di tempatnya dan ditandai terlambat (bawaan); escalate: kasus ditandai terlambat dan mengikuti escalation langkah itu; complete: langkah dianggap selesai dan kasus lanjut ke langkah berikutnya (tugas yang tidak dijawab pelapor); choose: keputusan mengambil hasil yang disebutkan (LAPOR! menutup laporan yang tidak dijawab pelapor dalam 10 hari kerja). Langkah di lajur pelapor harus menyebut complete, choose atau escalate: tidak ada pihak lain yang dapat menyelesaikannya.',
  '/$defs/TimeoutRule/properties/outcome/description': 'Bersama choose: id hasil keputusan yang diambil bila waktunya terlewati.',
  '/$defs/PeriodicProcedure/description':
    'Prosedur yang dijalankan menurut jadwal, bukan per pengaduan; setiap pelaksanaannya adalah kasus tersendiri yang membawa logbook periode itu.',
  '/$defs/PeriodicProcedure/properties/schedule/properties/every/description':
    'Periodenya: sehari, sepekan ISO (Senin sampai Minggu), sebulan, satu triwulan (Januari–Maret …), satu semester (Januari–Juni, Juli–Desember) atau satu tahun kalender.',
  '/$defs/PeriodicProcedure/properties/schedule/properties/at/description':
    'Kapan dalam periode itu pelaksanaan dimulai: pada hari kerja terakhirnya (end, bawaan) atau hari kerja pertamanya (start).',
  '/$defs/PeriodicProcedure/properties/source/description': 'Bagian SOP sumber yang menetapkannya.',
  '/$defs/MessageTemplate/properties/text/description': 'Kata demi kata.',
  '/$defs/Logbook/description': 'Register pengaduan (mis. Buleleng FM-PDIP-03-02) dan kolom-kolomnya sebagaimana tercetak.',
  '/$defs/Logbook/properties/columns/items/properties/fills/description':
    'Apa yang ditulis platform di kolom ini pada baris setiap pengaduan. Tanpa ini, id kolom yang menentukan (no, tiket, tanggal, sumber, kategori, isi-pengaduan…, tindak-lanjut…, …pengadu…, status…, langkah, id sebuah lajur, paraf…); kolom yang tidak disebut keduanya dibiarkan kosong, untuk diisi di kertas. number: nomor baris; ticket: nomor tiket; date: tanggal masuk; channel: saluran masuknya; category: kategori; complaint: pengaduan dengan kata-katanya sendiri (identitas disamarkan), kategori, saluran, tiket dan tanggalnya; follow-up: catatan petugas sebelum akhir; reply: catatan langkah terakhir (jawaban kepada pengadu); lane: unit lajur `lane` yang menerima pengaduan, atau petugas lajur itu yang meneruskannya; end: akhir yang dicapai, atau langkah tempatnya menunggu; status: selesai / tidak; paper: dibiarkan kosong (tanda tangan, paraf).',
  '/$defs/Logbook/properties/columns/items/properties/lane/description': 'Dengan fills: lane, lajur yang unit atau petugasnya ditampilkan kolom ini.',
  '/$defs/ControlCard/description': 'Aturan kartu kendali: setiap serah terima diparaf dan diberi tanggal saat diterima dan saat diserahkan.',
  '/$defs/ControlCard/properties/text/description': 'Aturan itu sebagaimana tertulis.',
  '/$defs/LaneUnit/properties/name/description': 'Nama unit menurut SOP atau kantor (Bidang Pelayanan Pendaftaran Penduduk).',
  '/$defs/LaneUnit/properties/values/description': 'Nilai-nilai unitField (opsi pilihan, sebagaimana tertulis) yang diarahkan ke unit ini.',
  '/$defs/Coordination/properties/lane/description': 'Lajur yang ditanya.',
  '/$defs/Coordination/properties/label/description': 'Koordinasi sebagaimana tertulis (Koordinasi dengan Helpdesk).',
};
