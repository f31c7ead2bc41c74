/** The languages an issue is told in: Bahasa Indonesia (the authors' own) and English. */
export type IssueLanguage = 'id' | 'en';

/** What the catalogue reads of an issue (the shape of `SopIssue`, which imports this file to format issues). */
interface IssueText {
  code: string;
  /** The English message. */
  message: string;
  params?: IssueParams;
  /** JSON pointer of what the issue is about. */
  pointer: string;
}

/** What an issue's message is made of, by name: the step, lane, value… it is about (texts and numbers only). */
export type IssueParams = Record<string, string | number>;

type Template = (p: Readonly<Record<string, string | undefined>>) => string;

const q = (v: string | undefined): string => (v === undefined ? '' : `"${v}"`);

const UNKNOWN_DURATION_DEFAULT =
  'tidak terbaca sebagai lama waktu: tulis angka dan satuan (menit, jam, hari, hari kerja, minggu, bulan), mis. "3 hari kerja" atau "14 (empat belas) hari kerja"';
/** Why a Waktu is not a duration (`parseDuration`'s code), worded after the Waktu. */
const UNKNOWN_DURATION_WHY: Readonly<Partial<Record<string, Template>>> = {
  'at-once': () => 'berarti "seketika" dan tidak menyebut lama waktu: tulis lamanya, mis. "5 menit", agar langkah ini punya batas waktu',
  range: () => 'berupa rentang: batas waktu perlu satu angka dan satuan, mis. "2 hari"',
  'words-disagree': (p) => `menulis angka ${p.number ?? ''} dan kata "${p.words ?? ''}" yang tidak sama: sumbernya rusak; periksa dan tulis yang dimaksud`,
  'not-whole': (p) => `bukan bilangan bulat ${p.unit ?? 'hari'}: hari, minggu dan bulan harus bilangan bulat; tulis bagian hari dalam jam atau menit`,
  'ambiguous-dot': () => 'ambigu (titik bisa berarti pemisah ribuan): tulis desimal dengan koma, mis. "1,5 jam"',
  zero: () => 'bernilai nol: batas waktu harus lebih dari nol',
  'too-large': () => 'terlalu besar untuk batas waktu',
};
/** "langkah "x"" when the issue knows its step, else "langkah ini". */
const stepOf = (p: Readonly<Record<string, string | undefined>>): string => (p.step !== undefined ? `langkah "${p.step}"` : 'langkah ini');
const laneOf = (p: Readonly<Record<string, string | undefined>>): string => (p.lane !== undefined ? `lajur "${p.lane}"` : 'lajur ini');
const fieldOf = (p: Readonly<Record<string, string | undefined>>): string => (p.field !== undefined ? `kolom "${p.field}"` : 'kolom ini');
const suggest = (p: Readonly<Record<string, string | undefined>>): string => (p.suggestion !== undefined ? ` (maksudnya "${p.suggestion}"?)` : '');
const among = (label: string, list: string | undefined): string => (list ? `; ${label}: ${list}` : '');

const TYPE_ID: Record<string, string> = {
  string: 'teks',
  array: 'daftar',
  object: 'pemetaan (mapping)',
  null: 'null (kosong di sumber)',
  boolean: 'true atau false',
  number: 'angka',
  integer: 'bilangan bulat',
};

/** The Indonesian hint of each schema pattern (the English one is in schema-issues.ts). */
const PATTERN_ID: Record<string, string> = {
  '^[a-z][a-z0-9-]*$': 'pakai huruf kecil, angka dan tanda hubung, diawali huruf (mis. "kasi-periksa")',
  '^\\d{2}\\.\\d{2}$': 'tulis kode wilayah Kemendagri sebagai NN.NN (mis. "18.72")',
  '^\\d{4}-\\d{2}-\\d{2}$': 'tulis tanggal sebagai YYYY-MM-DD (mis. "2026-03-19")',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'tulis jam sebagai HH:MM, 24 jam (mis. "07:30")',
  '^([01]\\d|2[0-4]):[0-5]\\d$': 'tulis jam sebagai HH:MM, 24 jam (mis. "16:00")',
};

/** Another tool's words, put in quotes: a quote of their own becomes ' so that the quoting holds. */
const unquoted = (text: string): string => text.replace(/"/g, "'");

/** A YAML error the catalogue has no words of its own for: where to look, and the parser's words. */
const yamlUnreadable: Template = (p) =>
  `YAML: baris ini tidak dapat dibaca${p.detail !== undefined ? ` (kata pengurai YAML: "${unquoted(p.detail)}")` : ''}: periksa tanda kutip, titik dua, koma dan indentasinya`;

/** A number outside its bounds (`schema.maximum`, `schema.exclusiveMinimum`, …), with the bound. */
const BOUND_ID: Readonly<Record<string, string>> = {
  maximum: 'terlalu besar: tulis angka paling banyak',
  exclusiveMaximum: 'terlalu besar: tulis angka kurang dari',
  minimum: 'terlalu kecil: tulis angka paling sedikit',
  exclusiveMinimum: 'terlalu kecil: tulis angka lebih dari',
};
const numberBound: Template = (p) => `${p.found ?? 'angka ini'} ${BOUND_ID[p.bound ?? ''] ?? 'di luar batas: tulis angka sampai'} ${p.limit ?? '?'}`;

/** A schema keyword the catalogue has no words of its own for: the checker's words, quoted. */
const schemaUnworded = (p: Readonly<Record<string, string | undefined>>): string =>
  `nilai ini tidak sah di sini${p.detail !== undefined ? ` (kata pemeriksa skema: "${unquoted(p.detail)}")` : ''}: bandingkan dengan bahasa SOP (schemas/sop.schema.json)`;

/** The missing characters of `yaml.missing_char`, by the reason the validator found. */
const MISSING_CHAR_ID: Readonly<Partial<Record<string, Template>>> = {
  quote: (p) => `YAML: teks ini dibuka dengan ${p.quote ?? 'tanda kutip'} tetapi tidak ditutup: tambahkan ${p.quote ?? 'tanda kutip'} penutup di akhir teksnya`,
  'comment-space': () =>
    'YAML: tanda komentar "#" harus didahului spasi: beri spasi sebelum "#", atau beri tanda kutip pada teksnya bila "#" bagian dari teks itu',
  'map-value': () => 'YAML: kunci ini tidak diikuti ":" dan nilainya: tulis "kunci: nilai"',
  comma: () => 'YAML: tanda "," tidak ada di antara butir { … } atau [ … ] ini: pisahkan butir-butirnya dengan ", "',
  'comma-or-colon': () =>
    'YAML: tanda "," atau ":" tidak ada di antara butir { … } atau [ … ] ini: pisahkan butir-butirnya dengan ", " dan tulis setiap pasangan "kunci: nilai"',
  'colon-space': () => 'YAML: tanda ":" di sini harus diikuti spasi: tulis "kunci: nilai"',
  dash: () => 'YAML: butir daftar ini tidak diawali "- ": awali setiap butir daftar dengan "- "',
};

/**
 * Every issue code in Bahasa Indonesia: plain words first (what is wrong, what to write instead),
 * filled with the issue's parameters where it has them. The English text is the issue's own
 * `message`, which the validator builds (and the fixture corpus asserts word for word).
 */
const ID: Partial<Record<string, Template>> = {
  'issues.more': (p) => `dan ${p.more ?? '?'} masalah lain dari pemeriksaan yang sama tidak dicantumkan: perbaiki yang di atas, lalu periksa lagi`,
  // the API's checker (apps/api/src/sops/sop-checker.ts) ran past its time limit, or out of memory
  'check-timeout': (p) =>
    `SOP ini tidak dapat diperiksa karena pemeriksaannya melewati batas ${p.seconds ?? '?'} detik lalu dihentikan; SOP belum diterbitkan. Perkecil atau sederhanakan teksnya (kurangi jumlah kunci, tingkat bersarang, dan alias), lalu coba lagi.`,
  'check-out-of-memory': (p) =>
    `SOP ini tidak dapat diperiksa karena pemeriksaannya memerlukan lebih dari ${p.limit ?? '?'} MB memori; SOP belum diterbitkan. Perkecil atau sederhanakan teksnya (kurangi jumlah kunci, tingkat bersarang, dan alias), lalu coba lagi.`,
  // YAML syntax
  'yaml.too-long': (p) =>
    `berkas terlalu panjang (${p.length ?? '?'} karakter); berkas SOP paling banyak ${p.limit ?? '1000000'} karakter: di sinilah batasnya terlewati`,
  'yaml.too-deep': (p) =>
    `YAML: pemetaan dan daftar bersarang lebih dari ${p.limit ?? '64'} tingkat di sini; SOP hanya perlu beberapa tingkat: tutup "[" atau "{" yang masih terbuka, atau kurangi indentasi`,
  'yaml.duplicate_key': (p) =>
    p.key !== undefined
      ? `YAML: "${p.key}" sudah ada di pemetaan ini${p.earlierLine !== undefined ? ` (baris ${p.earlierLine})` : ''}: simpan salah satunya saja`
      : 'YAML: kunci ini sudah ada di pemetaan yang sama: simpan salah satunya saja',
  'yaml.tab_as_indent': () => 'YAML: baris ini diindentasi dengan tab: pakai spasi saja',
  'yaml.multiple_docs': () =>
    'YAML: baris "---" memulai dokumen kedua, padahal satu berkas SOP berisi satu dokumen: hapus baris "---", atau pindahkan SOP kedua ke berkasnya sendiri',
  'yaml.block_as_implicit_key': () => 'YAML: teks ini terbaca sebagai kunci bersarang: bila ini teks yang memuat ": ", beri tanda kutip',
  'yaml.bad_indent': (p) =>
    p.closing !== undefined
      ? `YAML: ${p.closing === '}' ? 'pemetaan { … }' : 'daftar [ … ]'} ini tidak ditutup: tambahkan "${p.closing}" di akhirnya`
      : 'YAML: indentasi baris ini tidak sesuai dengan baris di atasnya: samakan indentasinya',
  'yaml.alias': (p) =>
    p.alias !== undefined
      ? `YAML: alias *${p.alias} tidak merujuk ke jangkar mana pun: pasang &${p.alias} pada nilai sebelumnya, atau tulis nilainya langsung`
      : 'YAML: alias ini tidak dapat diuraikan: tulis nilainya langsung',
  'yaml.missing_char': (p) => MISSING_CHAR_ID[p.reason ?? '']?.(p) ?? yamlUnreadable(p),
  'yaml.bad_dq_escape': (p) =>
    p.escape !== undefined
      ? `YAML: ${p.escape} bukan urutan escape yang sah dalam teks berkutip dua: tulis \\\\ untuk garis miring terbalik, atau pakai kutip tunggal '…'`
      : yamlUnreadable(p),
  'yaml.bad_scalar_start': (p) =>
    p.char !== undefined ? `YAML: teks tanpa tanda kutip tidak boleh diawali ${p.char}: beri tanda kutip pada teksnya` : yamlUnreadable(p),
  'yaml.multiline_implicit_key': () =>
    'YAML: baris ini tidak punya ":" sesudah kuncinya, atau teks tanpa tanda kutip berlanjut ke baris berikutnya: tulis "kunci: nilai" pada satu baris, dan beri tanda kutip pada teks panjang',
  'yaml.block_in_flow': () =>
    'YAML: di dalam { … } atau [ … ] ini ada teks yang terbaca sebagai pemetaan baru: periksa "," yang hilang di antara butirnya, atau beri tanda kutip pada teks yang memuat ": "',
  'yaml.tag_resolve_failed': (p) =>
    p.tag !== undefined
      ? `YAML: tag ${p.tag} tidak dikenal; SOP tidak memakai tag "!": hapus tag itu, atau beri tanda kutip bila "!" bagian dari teksnya`
      : yamlUnreadable(p),
  // the YAML library's other errors (rare in an SOP): said plainly, with the parser's own words quoted
  ...Object.fromEntries(
    [
      'alias_props',
      'bad_alias',
      'bad_collection_type',
      'bad_directive',
      'bad_prop_order',
      'impossible',
      'key_over_1024_chars',
      'multiple_anchors',
      'multiple_tags',
      'non_string_key',
      'resource_exhaustion',
      'unexpected_token',
    ].map((code): [string, Template] => [`yaml.${code}`, yamlUnreadable]),
  ),
  'not-a-mapping': (p) =>
    `${p.found === 'empty' ? 'berkas kosong (atau hanya berisi komentar)' : p.found === 'list' ? 'berkas berisi daftar' : 'berkas hanya berisi satu nilai'}: berkas SOP adalah pemetaan YAML yang diawali "schemaVersion: 1", lalu identity, calendar, sections, lanes dan steps${p.found === 'list' ? ', masing-masing di awal baris tanpa "- "' : ''}`,
  'text.bad-character': () => 'teks ini memuat karakter yang tidak boleh ada (NUL atau surrogate tunggal): hapus karakter itu',
  // the JSON Schema
  'schema.required': (p) =>
    p.condition !== undefined
      ? `${p.condition} memerlukan "${p.property}": tambahkan "${p.property}: …" di sebelahnya`
      : `isian wajib "${p.property ?? '?'}" belum ada: tambahkan "${p.property ?? '…'}: …" di sini${p.allowed ? ` (salah satu dari: ${p.allowed})` : p.nullable ? ' (tulis null bila sumber mengosongkannya)' : ''}`,
  'schema.additionalProperties': (p) => `isian "${p.property ?? '?'}" tidak dikenal${suggest(p)}${p.allowed ? `; yang boleh di sini: ${p.allowed}` : ''}`,
  'schema.enum': (p) =>
    `${p.value !== undefined ? q(p.value) : 'nilai ini'} tidak boleh di sini${suggest(p)}${p.allowed ? `; tulis salah satu dari: ${p.allowed}` : ''}`,
  'unknown-role': (p) =>
    `peran ${q(p.value)} bukan peran nasional yang umum${suggest(p)}${p.allowed ? `; tulis salah satu dari: ${p.allowed}` : ''}; atau, bila tidak ada yang cocok, tulis role: other dan roleDescription: sebutan SOP sendiri untuk peran ini`,
  'schema.const': (p) => `harus ${p.expected ?? 'bernilai tertentu'}${p.found !== undefined ? `, tertulis ${p.found}` : ''}`,
  'schema.type': (p) =>
    `harus berupa ${(p.expected ?? '')
      .split(',')
      .map((t) => TYPE_ID[t] ?? t)
      .join(
        ' atau ',
      )}${p.found !== undefined ? `, tertulis ${p.found}` : ''}${p.expected?.includes('string') && p.quote !== undefined ? `: beri tanda kutip, "${p.quote}"` : ''}`,
  'schema.pattern': (p) =>
    `${p.value !== undefined ? q(p.value) : 'nilai ini'} tidak sah di sini: ${(p.pattern && PATTERN_ID[p.pattern]) ?? `harus cocok dengan ${p.pattern ?? 'polanya'}`}`,
  'schema.minItems': (p) =>
    `perlu paling sedikit ${p.limit ?? '1'} butir, tertulis ${p.found ?? '0'}: tambahkan ${Number(p.limit ?? 1) - Number(p.found ?? 0)} lagi`,
  'schema.minLength': () => 'tidak boleh kosong: tulis teksnya seperti di sumber (atau null bila sumber mengosongkannya)',
  'schema.maxLength': (p) => `terlalu panjang: paling banyak ${p.limit ?? '?'} karakter`,
  'schema.maximum': (p) => numberBound(p),
  'schema.exclusiveMaximum': (p) => numberBound(p),
  'schema.minimum': (p) => numberBound(p),
  'schema.exclusiveMinimum': (p) => numberBound(p),
  'schema.propertyNames': (p) => `${q(p.property)} bukan nama hari: pakai mon, tue, wed, thu, fri, sat atau sun`,
  // semantic rules: references
  'unknown-lane': (p) => `lajur ${q(p.value)} tidak dideklarasikan di "lanes"${suggest(p)}${among('lajur', p.lanes)}`,
  'unknown-template': (p) => `templat ${q(p.value)} tidak dideklarasikan di "templates"${suggest(p)}${among('templat', p.templates)}`,
  'unknown-step': (p) =>
    p.otherFlow !== undefined
      ? `"${p.value}" adalah langkah alur lain (${p.otherFlow}): perpindahan tetap di dalam alurnya sendiri${among('pilih salah satu', p.steps)}`
      : `${p.value !== undefined ? q(p.value) : 'nama ini'} bukan langkah di alur ini${suggest(p)}${among('langkah', p.steps)}`,
  'unknown-field': (p) => `categoryField ${q(p.value)} bukan kolom di intake.form${suggest(p)}${among('kolom', p.fields)}`,
  'category-not-choice': (p) =>
    `categoryField ${q(p.value)} harus menunjuk kolom bertipe choice, agar pengaduan dapat dihitung per kategori: jadikan type: choice, atau tunjuk kolom pilihan lain`,
  'duplicate-id': (p) => `id ${q(p.value)} sudah dipakai${p.earlier !== undefined ? ` di ${p.earlier}` : ''}: beri setiap butir id-nya sendiri`,
  // shape of the flow
  'no-start': () => 'alur ini tidak punya langkah mulai: tandai langkah pertama (terminator "Mulai") dengan kind: start',
  'no-end': () => 'alur ini tidak punya langkah selesai: tambahkan terminator "Selesai" sebagai langkah dengan kind: end',
  'several-starts': (p) =>
    `${stepOf(p)} adalah langkah mulai kedua: satu alur punya satu mulai, kecuali setiap mulai mencantumkan kanal pengaduan yang dilayaninya; jadikan langkah ini kegiatan (task), atau beri setiap mulai channels: [<id kanal>]`,
  'missing-next': (p) =>
    `${stepOf(p)} tidak punya "next": tulis next: <id langkah berikutnya>, jadikan keputusan dengan hasil-hasilnya, atau kind: end bila kasus selesai di sini`,
  'outcomes-on-task': (p) => `hanya keputusan yang punya hasil (outcomes): jadikan ${stepOf(p)} kind: decision, atau ganti outcomes dengan next`,
  'next-on-decision': (p) => `keputusan ${q(p.step)} berlanjut lewat hasil-hasilnya, bukan "next": pindahkan tujuan "next" ke salah satu hasil`,
  'too-few-outcomes': (p) =>
    `keputusan ${q(p.step)} punya kurang dari dua hasil: keputusan perlu paling sedikit dua (mis. valid / tidak valid); jadikan kegiatan dengan next bila tidak ada pilihan`,
  'jump-on-decision': (p) => `keputusan ${q(p.step)} mengeskalasi atau menolak lewat hasilnya: tambahkan hasil dengan kind: escalation atau rejection`,
  'transition-on-end': (p) => `langkah selesai ${q(p.step)} mengakhiri kasus, jadi tidak boleh punya ${q(p.property)}: hapus, atau jadikan langkah kegiatan`,
  'jump-on-start': (p) => `langkah mulai ${q(p.step)} adalah pengaduan yang diajukan; eskalasi dan penolakan ada pada langkah sesudahnya`,
  'unreachable-step': (p) => `${stepOf(p)} tidak dapat dicapai dari langkah mulai: arahkan next atau hasil langkah sebelumnya ke sana, atau hapus langkah ini`,
  'dead-end': (p) =>
    `dari ${stepOf(p)} tidak ada jalan ke langkah selesai: kasus di sini tidak akan pernah selesai; beri next atau hasil yang menuju langkah selesai`,
  'duplicate-outcome': (p) =>
    `keputusan ${q(p.step)} sudah punya hasil dengan label ini: setiap hasil perlu labelnya sendiri (mis. selesai / tidak terselesaikan)`,
  'outcomes-same-target': (p) => `dua hasil keputusan ${q(p.step)} menuju langkah yang sama: pilihan itu tercatat tetapi jalurnya sama; periksa tujuannya`,
  'unused-lane': (p) => `${laneOf(p)} tidak berisi langkah dan tidak diajak berkoordinasi: letakkan langkah di sana atau hapus lajurnya`,
  // channels and starts
  'channels-not-on-start': (p) => `${stepOf(p)} mencantumkan kanal, padahal hanya langkah mulai alur pengaduan yang melayani kanal: hapus kanalnya`,
  'unknown-start-channel': (p) => `kanal ${q(p.value)} tidak dideklarasikan di intake.channels${suggest(p)}`,
  'channel-on-two-starts': (p) =>
    `kanal ${q(p.value)} sudah dilayani langkah mulai lain: pengaduan yang masuk lewat satu kanal berawal di satu mulai; hapus dari salah satunya`,
  'channel-without-start': (p) =>
    `kanal ${q(p.value)} tidak dilayani langkah mulai mana pun: dengan beberapa mulai, setiap kanal berawal di satu mulai; tambahkan ke channels salah satunya`,
  // durations and time limits
  'unknown-duration': (p) =>
    `Waktu ${q(p.value)} ${UNKNOWN_DURATION_WHY[p.reason ?? '']?.(p) ?? UNKNOWN_DURATION_DEFAULT}; langkah ini tetap memuat teksnya tetapi tanpa batas waktu`,
  'no-office-deadline': (p) =>
    `tak satu pun langkah kantor di alur ini punya Waktu yang terbaca sebagai lama waktu (${p.n ?? 'beberapa'} tertulis): pengaduannya tidak punya batas waktu dan tidak pernah terlambat; lihat peringatan pada setiap Waktu`,
  'timeout-without-limit': (p) =>
    `onTimeout tidak akan pernah terpicu: ${stepOf(p)} tidak punya Waktu yang terbaca; beri waktu seperti "1 hari", atau hapus onTimeout`,
  'timeout-nowhere-to-escalate': (p) =>
    `${stepOf(p)} mengeskalasi saat waktunya habis tetapi tidak punya tujuan eskalasi: tambahkan escalation: { to: <langkah satu tingkat di atas> } atau hasil dengan kind: escalation, atau pakai action: flag`,
  'timeout-ambiguous-escalation': (p) =>
    `keputusan ${q(p.step)} punya ${p.n ?? 'beberapa'} hasil berjenis eskalasi (${p.outcomes ?? ''}), jadi "escalate" tidak menyebut hasil mana yang diambil saat waktu habis: tulis onTimeout: { action: choose, outcome: <salah satunya> }`,
  'timeout-choose-not-decision': (p) =>
    `${stepOf(p)} bukan keputusan, jadi tidak punya hasil untuk dipilih saat waktu habis: pakai action: complete, escalate atau flag`,
  'timeout-complete-not-task': (p) => `${stepOf(p)} adalah keputusan: saat waktu habis keputusan diselesaikan dengan action: choose dan hasil yang diambil`,
  'timeout-outcome-without-choose': (p) =>
    `hasil hanya diambil dengan action: choose; ${stepOf(p)} memakai action lain: hapus outcome atau tulis action: choose`,
  'timeout-unknown-outcome': (p) => `${q(p.value)} bukan hasil dari ${stepOf(p)}${suggest(p)}`,
  // the citizen's steps
  'citizen-step-without-limit': (p) =>
    `${stepOf(p)} dikerjakan warga, dan warga bisa saja tidak pernah menjawab: beri ${p.hasTimeout ? 'Waktu yang terbaca, yang diperlukan onTimeout-nya' : 'Waktu yang terbaca dan onTimeout'}; bila sumber tidak mencantumkan waktu, pakai batas nasional (LAPOR!: 10 hari kerja) dan tandai dengan komentar "# inferred:"`,
  'citizen-step-without-timeout': (p) =>
    `${stepOf(p)} dikerjakan warga, dan tak ada yang menyelesaikannya bila warga tidak menjawab: tentukan arahnya saat waktu habis, mis. onTimeout: { action: complete }`,
  // the SOP's own register
  'logbook-fills-lane-without-lane': (p) =>
    `kolom logbook ${q(p.column)} diisi dari sebuah lajur tetapi tidak menyebut lajurnya: tambahkan lane: <id lajur>${among('lajur', p.lanes)}`,
  'logbook-lane-without-fills-lane': (p) => `kolom logbook ${q(p.column)} menyebut lajur tetapi tidak diisi dari lajur: tambahkan fills: lane, atau hapus lane`,
  'logbook-column-blank': (p) =>
    `kolom logbook ${q(p.column)} (${p.label ?? ''}) dibiarkan kosong di setiap baris, untuk diisi di kertas: agar platform mengisinya, tambahkan fills: ${
      p.suggestion ?? 'salah satu dari number, ticket, date, channel, category, complaint, follow-up, reply, lane, end, status'
    }; agar tetap kosong, tambahkan fills: paper`,
  // routing, coordination, units
  'route-field-unknown': (p) => `${q(p.value)} bukan kolom di intake.form${suggest(p)}: deklarasikan formulir dan kolom pilihannya lebih dulu`,
  'route-field-not-choice': (p) => `${q(p.value)} bukan kolom pilihan: perutean memerlukan kolom type: choice dengan options`,
  'route-value-unknown': (p) => `${q(p.value)} bukan pilihan kolom ini${suggest(p)}`,
  'route-value-twice': (p) => `${q(p.value)} sudah menuju arah lain: satu nilai menuju satu arah; hapus dari salah satunya`,
  'route-value-unmapped': () => 'ada pilihan kolom yang tidak menuju ke mana pun: kasus seperti itu menunggu petugas memilih',
  'coordination-on-terminator': (p) => `${stepOf(p)} adalah terminator: hanya kegiatan atau keputusan yang berkoordinasi dengan lajur lain`,
  'coordination-unknown-lane': (p) => `lajur ${q(p.value)} bukan lajur SOP ini${suggest(p)}`,
  'coordination-own-lane': (p) => `${stepOf(p)} sudah berada di lajur ${q(p.value)}: koordinasi meminta lajur lain`,
  'coordination-citizen-lane': (p) =>
    `lajur ${q(p.value)} adalah lajur warga: kantor bertanya kepada pelapor lewat langkah di lajur warga, bukan lewat koordinasi`,
  'coordination-from-citizen-step': (p) =>
    `${stepOf(p)} dikerjakan warga: pelapor tidak berkoordinasi dengan lajur kantor; letakkan koordinasi pada langkah kantor`,
  'coordination-twice': (p) => `${stepOf(p)} sudah berkoordinasi dengan lajur ${q(p.value)}: cantumkan setiap lajur sekali saja`,
  'schedule-not-office-step': (p) =>
    `${stepOf(p)} tidak dapat menunggu tanggal terjadwal: petugas yang menetapkan tanggal, pada kegiatan atau keputusan lajur kantor`,
  'route-by-not-decision': (p) => `${stepOf(p)} bukan keputusan: hanya keputusan yang dirutekan menurut kolom, lewat "when" pada hasil-hasilnya`,
  'route-by-without-when': (p) =>
    `keputusan ${q(p.step)} dirutekan menurut kolom tetapi tak satu hasil pun menyebut when: beri hasil when: [<pilihan seperti tertulis>]`,
  'when-without-route-by': (p) =>
    `hasil ini menyebut when, tetapi keputusan ${q(p.step)} tidak dirutekan menurut kolom: tambahkan routeBy: { field: <kolom pilihan> }, atau hapus when`,
  'unit-field-without-units': (p) =>
    `${laneOf(p)} menyebut unitField tetapi tidak punya units: cantumkan unitnya beserta nilai yang menuju ke masing-masing, atau hapus unitField`,
  'units-on-citizen-lane': (p) => `${laneOf(p)} adalah lajur warga: hanya lajur kantor yang punya unit`,
  'duplicate-unit-id': (p) => `unit ${q(p.value)} tercantum dua kali di ${laneOf(p)}: beri setiap unit id-nya sendiri`,
  'units-without-field': (p) =>
    `${laneOf(p)} punya unit tetapi tidak ada yang memilihnya: tulis unitField: <kolom pilihan> pada lajur, atau intake.categoryField`,
  // the form
  'choice-without-options': (p) => `kolom pilihan ${q(p.field)} tidak punya pilihan: cantumkan pilihannya seperti di formulir, di bawah options:`,
  'options-on-non-choice': (p) => `${fieldOf(p)} bukan kolom pilihan, jadi options-nya diabaikan: jadikan type: choice atau hapus options`,
  'file-type-unrecognised': (p) =>
    `${fieldOf(p)} menerima ${q(p.value)}, jenis berkas yang tidak dapat dikenali platform dari isinya: pakai image/jpeg, image/png, image/webp, image/gif, image/heic, image/heif atau application/pdf`,
  'file-always-confidential': (p) =>
    `${fieldOf(p)} berisi lampiran, yang selalu hanya ditampilkan kepada lajur yang boleh melihat identitas: hapus confidential: false`,
  'accept-on-non-file': (p) => `${fieldOf(p)} bukan kolom berkas, jadi accept diabaikan: jadikan type: file atau hapus accept`,
  'max-size-on-non-file': (p) => `${fieldOf(p)} bukan kolom berkas, jadi maxSizeMb diabaikan: jadikan type: file atau hapus maxSizeMb`,
  // lane roles
  'other-role-is-common': (p) =>
    `${laneOf(p)} ditulis role: other, padahal perannya adalah peran umum: tulis peran umumnya, agar perbandingan menyejajarkannya dengan kabupaten/kota lain`,
  'role-description-ignored': (p) =>
    `${laneOf(p)} memegang peran umum, jadi roleDescription-nya tidak ditampilkan di mana pun: hapus, atau tulis role: other bila tak ada peran umum yang cocok`,
};

const SOFTENED_ID =
  'sumber SOP tidak lengkap (source.complete: false), jadi ini dibiarkan seperti di sumber, tidak dikarang: SOP dapat dilihat dan dibandingkan tetapi tidak menjalankan kasus';

/** Every code the catalogue words in Indonesian (each also has its English message). */
export const ISSUE_CODES: readonly string[] = Object.keys(ID);

/**
 * An issue's message in the language asked for. English is the validator's own message; Indonesian
 * comes from the catalogue by the issue's code, filled with its parameters. A code the catalogue
 * does not know (a new rule not yet worded) keeps its English message.
 *
 * @example
 * issueMessage(issue, 'id') // 'dari langkah "verifikasi" tidak ada jalan ke langkah selesai: …'
 */
export function issueMessage(issue: Omit<IssueText, 'pointer'>, lang: IssueLanguage): string {
  if (lang === 'en') return issue.message;
  // a schema keyword no SOP property used when the catalogue was written still reads in Indonesian
  const template = ID[issue.code] ?? (issue.code.startsWith('schema.') ? schemaUnworded : undefined);
  if (!template) return issue.message;
  const params: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(issue.params ?? {})) params[k] = String(v);
  const text = template(params);
  return issue.params?.softened !== undefined ? `${text.split(': ')[0]}; ${SOFTENED_ID}` : text;
}

/**
 * The place of an issue in the document as an author reads it in the YAML, from its JSON pointer:
 * `/steps/3/next` is `steps[3].next`; `''` (the whole file) is `''`.
 */
export function issuePath(pointer: string): string {
  if (!pointer) return '';
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path += /^\d+$/.test(segment) ? `[${segment}]` : path ? `.${segment}` : segment;
  }
  return path;
}

/**
 * An issue as a sentence for its reader: the plain words first, the YAML path after.
 *
 * @example
 * describeIssue(issue, 'id') // 'langkah "x" tidak dapat dicapai …  (di steps[3].id)'
 */
export function describeIssue(issue: IssueText, lang: IssueLanguage): string {
  const path = issuePath(issue.pointer);
  const message = issueMessage(issue, lang);
  return path ? `${message} (${lang === 'id' ? 'di' : 'at'} ${path})` : message;
}

/** The severity of an issue as a word of that language. */
export function severityWord(severity: 'error' | 'warning', lang: IssueLanguage): string {
  if (lang === 'en') return severity;
  return severity === 'error' ? 'galat' : 'peringatan';
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

/**
 * The parameters every issue can have from where it is: the step, lane or form field its pointer
 * lands in, the property named last, and the scalar value found there. A rule's own parameters
 * come first; these only fill what it left out.
 */
export function contextParams(document: unknown, pointer: string): IssueParams {
  const params: IssueParams = {};
  if (!pointer) return params;
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = document;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const parent = node;
    node = Array.isArray(parent) ? parent[Number(segment)] : asObject(parent)?.[segment];
    const previous = segments[i - 1];
    const id = asObject(node)?.id;
    if (typeof id === 'string' && /^\d+$/.test(segment)) {
      if (previous === 'steps') params.step = id;
      else if (previous === 'lanes') params.lane = id;
      else if (previous === 'fields') params.field = id;
    }
  }
  const last = segments.at(-1);
  if (last !== undefined && !/^\d+$/.test(last)) params.property = last;
  if (typeof node === 'string' || typeof node === 'number') params.value = node;
  return params;
}
