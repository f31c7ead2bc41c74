import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSop, type IssueSeverity } from './index';

/**
 * The fixture corpus (see __fixtures__/README.md): each file of invalid/ and warnings/ is the
 * valid base valid/minimal.yaml with one situation in it. Warning-only situations live in
 * warnings/, so that every file of invalid/ is invalid by itself.
 */
const FIXTURES = join(__dirname, '__fixtures__');

interface ExpectedIssue {
  severity: IssueSeverity;
  code: string;
  line: number;
  column: number;
  /** The source text at line:column: the key or value the issue is about. */
  at: string;
  /** Phrases the message contains: what is wrong, and what to write instead. */
  says: string[];
}

const error = (code: string, line: number, column: number, at: string, ...says: string[]): ExpectedIssue => ({
  severity: 'error',
  code,
  line,
  column,
  at,
  says,
});
const warning = (code: string, line: number, column: number, at: string, ...says: string[]): ExpectedIssue => ({
  severity: 'warning',
  code,
  line,
  column,
  at,
  says,
});

const INVALID: Record<string, ExpectedIssue[]> = {
  // YAML syntax: only the first error that derails the parser is reported (duplicate keys all are).
  'yaml-syntax-error.yaml': [error('yaml.bad_indent', 35, 9, '{ id: selesai', 'this mapping { … } is not closed', 'add the missing "}"')],
  'duplicate-key.yaml': [error('yaml.duplicate_key', 43, 5, 'waktu: 2 hari', '"waktu" is already set in this mapping (line 42)', 'keep one of the two')],
  'tab-indentation.yaml': [error('yaml.tab_as_indent', 40, 1, '\tlane', 'indented with a tab', 'indent with spaces only')],
  'colon-in-plain-text.yaml': [
    error('yaml.block_as_implicit_key', 41, 15, 'Kasi menindaklanjuti pengaduan: lihat', 'Nested mappings are not allowed', 'contains ": ", put it in quotes'),
  ],
  'two-documents.yaml': [error('yaml.multiple_docs', 49, 1, '---', 'starts a second document', 'remove the "---" line')],
  'unknown-alias.yaml': [
    error(
      'yaml.alias',
      41,
      15,
      '*tindak-lanjut',
      'the alias *tindak-lanjut refers to no anchor',
      'set &tindak-lanjut on an earlier value, or write the value out',
    ),
  ],
  'unclosed-double-quote.yaml': [
    error('yaml.missing_char', 42, 15, '"Kasi menindaklanjuti', 'this text opens with " but is never closed', 'add the closing " at its end'),
  ],
  // the parser notices only at the end of the file; the issue is where the text opens
  'unclosed-single-quote.yaml': [
    error('yaml.missing_char', 42, 15, "'Kasi menindaklanjuti", "this text opens with ' but is never closed", "add the closing ' at its end"),
  ],
  'bad-escape.yaml': [
    error('yaml.bad_dq_escape', 42, 43, '\\pengaduan', '\\p is not an escape that a text in double quotes can hold', 'write \\\\ for a backslash'),
  ],
  'starts-with-at.yaml': [error('yaml.bad_scalar_start', 42, 15, '@disdukcapil', 'a text without quotes cannot start with @', 'put the text in quotes')],
  'key-without-colon.yaml': [error('yaml.multiline_implicit_key', 41, 5, 'lane kasi', 'this line has no ":" after its key', 'write "key: value" on one line')],
  'flow-missing-comma.yaml': [
    error('yaml.block_in_flow', 21, 11, 'kasi name: Kasi', 'a text reads as a new mapping', 'look for a missing "," between its items'),
  ],
  'comment-without-space.yaml': [error('yaml.missing_char', 43, 20, '#catatan', 'a comment "#" must follow a space', 'put a space before "#"')],
  'empty-file.yaml': [error('not-a-mapping', 1, 1, '# The file holds no SOP', 'the file is empty', 'starts with "schemaVersion: 1"')],
  'not-a-mapping.yaml': [error('not-a-mapping', 2, 1, '- id: laporan', 'the file holds a list', 'without a leading "- "')],
  // Bounds, checked before the YAML is composed (deeper nesting exhausts the stack of whoever parses it)
  'too-deep.yaml': [error('yaml.too-deep', 15, 77, '[[[[', 'nested more than 64 levels deep here', 'close the open "[" or "{", or indent less')],
  'nul-in-text.yaml': [
    error('text.bad-character', 7, 10, '"Pelayanan\\0Pengaduan"', 'this text holds a NUL character (written "\\0" or "\\x00" in YAML)', 'remove it'),
  ],

  // JSON Schema
  'missing-identity.yaml': [error('schema.required', 2, 1, 'schemaVersion: 1', 'missing required property "identity"', 'add "identity: …" here')],
  'missing-step-kind.yaml': [
    error('schema.required', 37, 5, 'id: kasi-periksa', 'missing required property "kind"', 'add "kind: …" here (one of: "start", "task", "decision", "end")'),
  ],
  'missing-time-zone.yaml': [
    error('schema.required', 9, 3, 'workingHours:', 'missing required property "timeZone"', 'add "timeZone: …" here (one of: "Asia/Jakarta"'),
  ],
  'unknown-property.yaml': [
    error('schema.additionalProperties', 43, 5, 'nex: selesai', 'unknown property "nex" (did you mean "next"?)', 'allowed here: "id", "number", "kind"'),
  ],
  'wrong-schema-version.yaml': [error('schema.const', 2, 16, '2', 'must be 1, found number 2')],
  'bad-region-code.yaml': [
    error('schema.pattern', 6, 15, '"1872"', 'the text "1872" is not valid here', 'write the Kemendagri regency code as NN.NN (e.g. "18.72")'),
  ],
  'region-code-not-quoted.yaml': [error('schema.type', 6, 15, '18.72', 'must be text, found number 18.72', 'put it in quotes, "18.72"')],
  'bad-time-zone.yaml': [
    error(
      'schema.enum',
      9,
      13,
      'WIB',
      'the text "WIB" is not allowed here',
      'write one of: "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"',
    ),
  ],
  'bad-working-hours-time.yaml': [
    error('schema.pattern', 11, 20, '"7:30"', 'the text "7:30" is not valid here', 'write the time as HH:MM on a 24-hour clock (e.g. "07:30")'),
  ],
  'bad-holiday-date.yaml': [error('schema.pattern', 11, 15, '17-08-2026', 'the text "17-08-2026" is not valid here', 'write the date as YYYY-MM-DD')],
  'unknown-weekday.yaml': [error('schema.propertyNames', 11, 5, 'senin:', '"senin" is not a weekday', 'use mon, tue, wed, thu, fri, sat or sun')],
  'step-id-not-kebab.yaml': [
    error('schema.pattern', 22, 9, 'Laporan_Masuk', 'the text "Laporan_Masuk" is not valid here', 'use lower-case letters, digits and dashes'),
  ],
  'unknown-step-kind.yaml': [
    error(
      'schema.enum',
      30,
      11,
      'decisions',
      'the text "decisions" is not allowed here (did you mean "decision"?)',
      'write one of: "start", "task", "decision", "end"',
    ),
  ],
  'unknown-channel-kind.yaml': [error('schema.enum', 23, 29, 'wa,', 'the text "wa" is not allowed here; write one of', '"whatsapp"')],
  'empty-title.yaml': [error('schema.minLength', 7, 10, '""', 'must not be empty', 'write the text as in the source')],
  'type-mismatch.yaml': [
    error('schema.type', 18, 3, 'masyarakat: {', 'must be a list, found a mapping', 'write each item on its own line, starting with "- "'),
  ],
  'too-few-steps.yaml': [error('schema.minItems', 22, 3, '- id: laporan', 'needs at least 2 items, found 1', 'add 1 more')],

  // Lane roles: a common national role from the schema's list, or other with the SOP's own words
  'unknown-role.yaml': [
    error(
      'unknown-role',
      20,
      35,
      'kassi',
      'role "kassi" is not a common national role (did you mean "kasi"?)',
      'write one of: "pemohon", "petugas", "kasi"',
      'or, when none fits, write role: other and roleDescription',
    ),
  ],
  'role-as-written.yaml': [
    error(
      'unknown-role',
      20,
      55,
      'Pejabat yang berkompeten }',
      'role "Pejabat yang berkompeten" is not a common national role (did you mean "pejabat-berwenang"?)',
      '"ppid", "pejabat-berwenang", "other"',
    ),
  ],
  'other-role-without-description.yaml': [
    error(
      'schema.required',
      20,
      46,
      'other }',
      'role: "other" needs "roleDescription": add "roleDescription: …" next to it',
      `what this lane does, in the SOP's own words, e.g. its header "Koordinator ISO"`,
    ),
  ],
  'empty-role-description.yaml': [error('schema.minLength', 20, 70, '"" }', 'must not be empty: write the text as in the source')],

  // Ids and references
  'duplicate-step-id.yaml': [
    error('duplicate-id', 44, 9, 'kasi-periksa', 'step id "kasi-periksa" is already used by the step at /steps/2', 'give each step its own id'),
  ],
  'duplicate-lane-id.yaml': [
    error('duplicate-id', 21, 11, 'petugas, name: Petugas loket', 'lane id "petugas" is already used by lane 2', 'give each lane its own id'),
  ],
  'duplicate-outcome-id.yaml': [
    error('duplicate-id', 36, 15, 'selesai, label: Tidak terselesaikan', 'outcome id "selesai" is already used by outcome 1', 'give each outcome its own id'),
  ],
  'unknown-lane.yaml': [
    error(
      'unknown-lane',
      47,
      11,
      'masyarakt',
      'lane "masyarakt" is not declared under "lanes" (did you mean "masyarakat"?)',
      'lanes: "masyarakat", "petugas", "kasi"',
    ),
  ],
  'next-to-unknown-step.yaml': [
    error(
      'unknown-step',
      27,
      11,
      'periksaa',
      '"periksaa" does not name a step of the per-complaint flow (did you mean "periksa"?)',
      'steps: "laporan", "periksa", "kasi-periksa", "selesai"',
    ),
  ],
  'outcome-to-unknown-step.yaml': [
    error(
      'unknown-step',
      36,
      62,
      'kasi, kind',
      '"kasi" does not name a step of the per-complaint flow',
      'steps: "laporan", "periksa", "kasi-periksa", "selesai"',
    ),
  ],
  'periodic-step-jumps-to-main-flow.yaml': [
    error(
      'unknown-step',
      65,
      15,
      'selesai',
      '"selesai" is a step of the per-complaint flow, not of periodic procedure "rekap-harian"',
      'point it at one of: "rekap-mulai", "rekap-susun", "rekap-selesai"',
    ),
  ],
  'unknown-template.yaml': [
    error(
      'unknown-template',
      43,
      15,
      'balasan',
      'template "balasan" is not declared under "templates"',
      'add it under "templates" (id, name, text), or remove "template"',
    ),
  ],
  'reveal-to-unknown-lane.yaml': [
    error('unknown-lane', 24, 20, 'kabid]', 'lane "kabid" is not declared under "lanes"', 'lanes: "masyarakat", "petugas", "kasi"'),
  ],
  'unknown-category-field.yaml': [
    error('unknown-field', 30, 18, 'jenis', 'categoryField "jenis" is not a field of intake.form', 'fields: "nama", "kategori", "isi"'),
  ],
  'category-field-not-choice.yaml': [
    error(
      'category-not-choice',
      30,
      18,
      'isi',
      'categoryField "isi" must name a field of type choice (it is textarea)',
      'name one of the choice fields ("kategori") or make "isi" type: choice',
    ),
  ],
  // Attachments (base: valid/with-attachment.yaml)
  'file-size-over-limit.yaml': [error('schema.maximum', 29, 76, '50 }', 'number 50 is too large', 'write a number at most 20')],
  'file-size-zero.yaml': [error('schema.exclusiveMinimum', 29, 76, '0 }', 'number 0 is too small', 'write a number more than 0')],
  'file-type-unrecognised.yaml': [
    error(
      'file-type-unrecognised',
      29,
      86,
      'image/tiff',
      'file field "ktp" accepts "image/tiff", a kind of file the platform cannot recognise by its content',
      'use image/jpeg, image/png',
    ),
  ],
  'choice-field-without-options.yaml': [
    error('choice-without-options', 28, 9, '{ id: kategori', 'choice field "kategori" has no options', 'list them as written on the form under options:'),
  ],

  // Step shapes
  'no-start.yaml': [error('no-start', 21, 1, 'steps:', 'the flow has no step of kind start', 'mark the first step (the "Mulai" terminator) with kind: start')],
  'two-starts.yaml': [
    error(
      'several-starts',
      39,
      11,
      'start',
      'step "kasi-periksa" is a second start (the first is "laporan")',
      'make this one a task',
      'give each start channels: [<channel ids>]',
    ),
  ],
  // Several ways in (the base is valid/two-ways-in.yaml)
  'channel-on-two-starts.yaml': [
    error('channel-on-two-starts', 47, 28, 'email', 'channel "email" is already served by the start "aduan-online"', 'remove it from one of them'),
  ],
  'channel-without-start.yaml': [
    error('channel-without-start', 26, 13, 'lapor', 'channel "lapor" is served by no start', 'add it to the channels of "aduan-online", "aduan-langsung"'),
  ],
  'start-with-unknown-channel.yaml': [
    error(
      'unknown-start-channel',
      47,
      28,
      'loket',
      'channel "loket" is not declared under intake.channels',
      'channels: "website", "email", "lapor", "tatap-muka", "web"',
    ),
  ],
  'unreachable-from-any-start.yaml': [
    error(
      'unreachable-step',
      36,
      9,
      'admin-verifikasi',
      'step "admin-verifikasi" cannot be reached from any start ("aduan-online", "aduan-langsung")',
      'point a next or an outcome of an earlier step at it',
    ),
  ],
  'no-end.yaml': [
    error('no-end', 21, 1, 'steps:', 'the flow has no step of kind end', 'add the "Selesai" terminator as a step with kind: end'),
    error('missing-next', 44, 5, 'id: selesai', 'task step "selesai" has no "next"', 'or make it kind: end if the case finishes here'),
  ],
  'task-without-next.yaml': [
    error('missing-next', 37, 5, 'id: kasi-periksa', 'task step "kasi-periksa" has no "next"', 'write next: <id of the step that follows>'),
  ],
  'end-with-next.yaml': [
    error('transition-on-end', 49, 5, 'next: laporan', 'end step "selesai" finishes the case, so it cannot have "next"', 'remove it, or make the step a task'),
  ],
  'decision-with-one-outcome.yaml': [
    error(
      'too-few-outcomes',
      34,
      5,
      'outcomes:',
      'decision "periksa" has 1 outcome: a decision needs at least two',
      'make it a task with next if there is no choice',
    ),
  ],
  'decision-with-next.yaml': [
    error(
      'next-on-decision',
      34,
      5,
      'next: kasi-periksa',
      'decision "periksa" goes on through its outcomes, not "next"',
      'move "kasi-periksa" into an outcome',
    ),
  ],
  'decision-with-escalation.yaml': [
    error(
      'jump-on-decision',
      34,
      5,
      'escalation: {',
      'decision "periksa" escalates or rejects through an outcome',
      'add an outcome with kind: escalation instead',
    ),
  ],
  'timeout-escalate-ambiguous.yaml': [
    error(
      'timeout-ambiguous-escalation',
      35,
      26,
      'escalate }',
      'decision "periksa" has 2 outcomes of kind escalation (ke-kasi, ke-kasi-lain)',
      'write onTimeout: { action: choose, outcome: <one of them> }',
    ),
  ],
  'outcomes-on-task.yaml': [
    error('outcomes-on-task', 44, 5, 'outcomes:', 'only a decision has outcomes', 'make "kasi-periksa" kind: decision, or replace its outcomes with next'),
  ],
  'start-with-rejection.yaml': [
    error(
      'jump-on-start',
      28,
      5,
      'rejection: {',
      'the start step "laporan" is the complaint being filed',
      'escalation and rejection belong to the steps after it',
    ),
  ],
  'duplicate-outcome-label.yaml': [
    error('duplicate-outcome', 36, 37, 'selesai, to', 'decision "periksa" already has an outcome labelled "Selesai"', 'each outcome needs its own label'),
  ],

  // Reachability
  'unreachable-step.yaml': [
    error(
      'unreachable-step',
      44,
      9,
      'kabid-periksa',
      'step "kabid-periksa" cannot be reached from the start "laporan"',
      'point a next or an outcome of an earlier step at it, or remove it',
    ),
  ],
  'dead-end-loop.yaml': [
    error('dead-end', 37, 9, 'kasi-periksa', 'no end can be reached from step "kasi-periksa"', 'give it a next or an outcome leading towards an end step'),
    error('dead-end', 44, 9, 'kasi-catat', 'no end can be reached from step "kasi-catat"', 'give it a next or an outcome leading towards an end step'),
  ],

  // Time limits
  'citizen-decision-nobody-settles.yaml': [
    error(
      'citizen-step-without-limit',
      35,
      5,
      'id: konfirmasi',
      'step "konfirmasi" is the citizen\'s (lane "pelapor"), and the citizen may never answer',
      'onTimeout: { action: choose, outcome: puas }',
      'LAPOR!: 10 hari kerja',
      '"# inferred:" comment',
    ),
    error(
      'citizen-step-without-timeout',
      35,
      5,
      'id: konfirmasi',
      'nobody else settles it when the citizen does not answer',
      'onTimeout: { action: choose, outcome: puas }',
    ),
  ],
  'timeout-unknown-outcome.yaml': [error('timeout-unknown-outcome', 43, 43, 'puass', '"puass" is not an outcome of step "konfirmasi"', 'did you mean "puas"?')],
  // Routing, units and coordination (base: valid/coordination-and-units.yaml)
  'route-value-unknown.yaml': [
    warning('route-value-unmapped', 55, 23, 'bidang', 'option "Informasi Publik" of field "bidang" leads to no outcome', 'wait for an officer to choose'),
    error('route-value-unknown', 58, 76, 'Informasi publik', '"Informasi publik" is not an option of field "bidang"', 'did you mean "Informasi Publik"?'),
  ],
  'coordination-own-lane.yaml': [
    warning('unused-lane', 26, 11, 'helpdesk', 'lane "helpdesk" (Helpdesk) holds no step and no step coordinates with it'),
    error('coordination-own-lane', 66, 17, 'bidang', 'step "bidang-tindak" is in lane "bidang" already', 'coordination asks another lane'),
  ],
  'when-without-route-by.yaml': [
    error(
      'when-without-route-by',
      56,
      74,
      '[Pendaftaran Penduduk',
      'outcome "ke-bidang" says when, but decision "petugas-teruskan" routes by no field',
      'add routeBy: { field: <choice field> }',
    ),
    error('when-without-route-by', 57, 75, '[Informasi Publik]', 'outcome "ke-ppid" says when'),
  ],
  'unit-value-twice.yaml': [
    error('route-value-twice', 25, 72, 'Pendaftaran Penduduk', '"Pendaftaran Penduduk" already leads to unit "dafduk"', 'remove it from one of them'),
  ],
  'timeout-escalate-without-escalation.yaml': [
    error(
      'timeout-nowhere-to-escalate',
      44,
      26,
      'escalate }',
      'step "kasi-periksa" escalates on timeout but has no escalation',
      'add escalation: { to: <step one level up> } or an outcome with kind: escalation, or use action: flag',
    ),
  ],

  // Source gaps (ADR 0011): a mark says why, and an incomplete source still refers to real steps
  'inferred-without-note.yaml': [error('schema.required', 36, 116, 'inferred } }', 'status: "inferred" needs "note"', 'add "note: …" next to it')],
  'unknown-provenance-status.yaml': [
    error('schema.enum', 42, 27, 'guessed', 'the text "guessed" is not allowed here', 'write one of: "inferred", "incomplete"'),
  ],
  'incomplete-source-unknown-next.yaml': [error('unknown-step', 44, 11, 'selesaii', '"selesaii" does not name a step', 'did you mean "selesai"?')],
};

const WARNINGS: Record<string, ExpectedIssue[]> = {
  'unknown-duration.yaml': [
    warning('unknown-duration', 42, 12, 'segera', '"segera" says "at once" and names no amount of time', 'write an amount, e.g. "5 menit", to give it one'),
  ],
  'unused-lane.yaml': [warning('unused-lane', 21, 11, 'kabid', 'lane "kabid" (Kabid) holds no step', 'put a step in it or remove it')],
  'timeout-without-limit.yaml': [
    warning(
      'timeout-without-limit',
      43,
      16,
      '{ action: flag }',
      'onTimeout never fires: step "kasi-periksa" has no known Waktu',
      'give it a waktu such as "1 hari", or remove onTimeout',
    ),
  ],
  'options-on-non-choice.yaml': [
    warning('options-on-non-choice', 27, 46, 'options:', 'field "nama" is of type text, so its options are ignored', 'make it type: choice or remove options'),
  ],
  'accept-on-non-file.yaml': [
    warning('accept-on-non-file', 27, 70, '[image/jpeg]', 'field "nama" is of type text, so accept is ignored', 'make it type: file or remove accept'),
    warning('max-size-on-non-file', 27, 95, '2 }', 'field "nama" is of type text, so maxSizeMb is ignored', 'make it type: file or remove maxSizeMb'),
  ],
  'file-not-confidential.yaml': [
    warning(
      'file-always-confidential',
      29,
      79,
      'false }',
      'file field "ktp" says confidential: false',
      'always shown only to the lanes that may see the identity',
    ),
  ],
  'role-description-on-common-role.yaml': [
    warning(
      'role-description-ignored',
      20,
      41,
      'roleDescription: Kasi yang',
      'lane "kasi" plays the common role "kasi", so its roleDescription is shown nowhere',
      'remove it, or write role: other if no common role fits',
    ),
  ],
  'other-role-is-common.yaml': [
    warning(
      'other-role-is-common',
      20,
      58,
      'other, roleDescription: PPID',
      'lane "kasi" is role: other, but "PPID" is the common role "ppid" (PPID)',
      'write role: ppid, so comparisons line it up',
    ),
  ],
  // An incomplete source (source.complete: false): the gaps stay gaps, the rules that would make the author invent only warn
  'incomplete-source.yaml': [
    warning(
      'no-end',
      23,
      1,
      'steps:',
      'the flow has no step of kind end',
      'the source is incomplete (source.complete: false)',
      'not invented',
      'does not run cases',
    ),
    warning(
      'too-few-outcomes',
      36,
      5,
      'outcomes:',
      'decision "periksa" has 1 outcome',
      'the source is incomplete (source.complete: false)',
      'can be viewed and compared',
    ),
    warning('missing-next', 38, 5, 'id: kasi-periksa', 'task step "kasi-periksa" has no "next"', 'the source is incomplete (source.complete: false)'),
  ],
  'outcomes-same-target.yaml': [
    warning(
      'outcomes-same-target',
      36,
      62,
      'kasi-periksa',
      'outcomes "selesai" and "tidak-selesai" of decision "periksa" both lead to "kasi-periksa"',
      'check the target',
    ),
  ],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a text that contains every phrase. */
function containing(phrases: string[]) {
  return expect.stringMatching(new RegExp(`^${phrases.map((p) => `(?=[\\s\\S]*${escapeRegExp(p)})`).join('')}`));
}

function read(folder: string, name: string): string {
  return readFileSync(join(FIXTURES, folder, name), 'utf8');
}

function yamlFiles(folder: string): string[] {
  return readdirSync(join(FIXTURES, folder))
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

function checkFixture(folder: string, name: string, expected: ExpectedIssue[]) {
  const text = read(folder, name);
  const result = validateSop(text, { file: name });
  expect(result.issues.map(({ severity, code, line, column, message }) => ({ severity, code, line, column, message }))).toEqual(
    expected.map(({ severity, code, line, column, says }) => ({ severity, code, line, column, message: containing(says) })),
  );
  for (const issue of result.issues) expect(issue.file).toBe(name);
  // Each position points at the text the issue is about.
  const lines = text.split('\n');
  expect(expected.map(({ line, column }) => lines[line - 1]?.slice(column - 1).slice(0, 60))).toEqual(
    expected.map(({ at }) => expect.stringMatching(new RegExp(`^${escapeRegExp(at)}`))),
  );
  return result;
}

describe('the fixture base', () => {
  it('valid/minimal.yaml is valid with no issue, so each fixture shows only its own change', () => {
    const result = validateSop(read('valid', 'minimal.yaml'), { file: 'minimal.yaml' });
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.sop?.steps.map((s) => s.id)).toEqual(['laporan', 'periksa', 'kasi-periksa', 'selesai']);
  });
});

describe('invalid fixtures', () => {
  it('every file of invalid/ has its expected issues in the table, and every table entry has its file', () => {
    expect(yamlFiles('invalid')).toEqual(Object.keys(INVALID).sort());
    expect(yamlFiles('invalid').length).toBeGreaterThanOrEqual(32);
  });

  it.each(yamlFiles('invalid'))('%s starts with a comment saying what is wrong', (name) => {
    expect(read('invalid', name)).toMatch(/^# \S.*\n/);
  });

  it.each(Object.entries(INVALID))('%s', (name, expected) => {
    const result = checkFixture('invalid', name, expected);
    expect(result.valid).toBe(false);
    expect(result.sop).toBeUndefined();
    expect(result.issues.some((i) => i.severity === 'error')).toBe(true);
  });
});

describe('warning fixtures (valid, with warnings only)', () => {
  it('every file of warnings/ has its expected issues in the table, and every table entry has its file', () => {
    expect(yamlFiles('warnings')).toEqual(Object.keys(WARNINGS).sort());
  });

  it.each(yamlFiles('warnings'))('%s starts with a comment saying what is wrong', (name) => {
    expect(read('warnings', name)).toMatch(/^# \S.*\n/);
  });

  it.each(Object.entries(WARNINGS))('%s', (name, expected) => {
    const result = checkFixture('warnings', name, expected);
    expect(result.valid).toBe(true);
    expect(result.sop).toBeDefined();
    expect(result.issues.every((i) => i.severity === 'warning')).toBe(true);
  });
});
