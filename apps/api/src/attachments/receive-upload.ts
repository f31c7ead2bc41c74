import { sanitizeFileName, sizeText, sniffFileType, fileTypesText, SNIFF_BYTES, type AttachmentLimits } from '@sop/citizen-data';
import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { AttachmentSealer } from './attachment-seal';

/** A file received and sealed into the staging folder, waiting to be put into the storage. */
export interface ReceivedFile {
  storageKey: string;
  /** The sealed file in the staging folder. */
  path: string;
  /** Bytes of the sealed file. */
  sealedSize: number;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** A refused upload: 400, 413 or 415 with a message in English and in Bahasa Indonesia. */
export class UploadRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
    readonly messageId: string,
    readonly details: Record<string, unknown> = {},
    /** The request's part or parameter at fault. */
    readonly field = 'file',
  ) {
    super(message);
  }
}

/** What the request is checked against, and how the messages name the field. */
export interface UploadRules {
  limits: AttachmentLimits;
  /** The field as people know it: `"Foto KTP"`. */
  label: string;
}

/** What an upload route takes besides its file, and how long it waits for a client that stops sending. */
export interface UploadRoute {
  /**
   * The text parts the route reads (before the file), each with what it names in English and in
   * Indonesian: `sop` and `field` for the public form, none for an officer's upload.
   */
  textParts: Readonly<Record<string, { en: string; id: string }>>;
  /** A request from which no byte arrives for this long is refused (and its partial file removed). */
  idleMs: number;
}

/** ATTACHMENT_IDLE_MS: how long an upload may send nothing before it is refused (default 60 s). */
export const DEFAULT_UPLOAD_IDLE_MS = 60_000;

/**
 * ATTACHMENT_IDLE_MS, read once: a bad value stops the start with what is wrong. At most 240 s: the
 * HTTP server cuts a whole request at 300 s from its start (requestTimeout in common/http-server.ts),
 * without a worded answer, so a longer quiet could never be answered in words.
 */
export function uploadIdleMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ATTACHMENT_IDLE_MS;
  if (raw === undefined || raw === '') return DEFAULT_UPLOAD_IDLE_MS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100 || n > 240_000)
    throw new Error(`ATTACHMENT_IDLE_MS must be a whole number from 100 to 240000 (below the server's 300 s bound on a whole request); "${raw}" is not one`);
  return n;
}

/** Bytes of a multipart request beyond its file: boundaries, headers, the few text fields. */
const MULTIPART_ROOM = 64 * 1024;
/** A request still sending this far past its limit is cut off rather than read to its end. */
const DRAIN_CEILING = 64 * 1024 * 1024;
/** The last bytes kept of a request (more than a part header's 16 KB), to tell which header of a part is malformed. */
const RECENT_BYTES = 20 * 1024;

/**
 * Reads one file from a `multipart/form-data` request (part `file`) as it streams: its kind is
 * decided by its first bytes (never by its name or the Content-Type the client gave it), its size is
 * counted as it arrives and the upload refused past the limit (nothing beyond the limit is kept),
 * and it is sealed with the data key into `stagingDir` on its way. Text parts before the file are
 * returned (`fields`). The request is read to its end (within {@link DRAIN_CEILING}) before this
 * settles, so that the client gets the answer rather than a reset connection; a request from which
 * nothing arrives for `route.idleMs` is refused without waiting for the rest. Whatever way it ends,
 * this settles, and a file refused is removed from `stagingDir` before it does.
 *
 * Refusals: 400 not multipart, no file, more than one file, an empty file, a malformed, cut or
 * stalled body, a text part of the route sent twice; 413 too large; 415 a kind of file the field
 * does not take.
 */
export async function receiveUpload(
  req: IncomingMessage,
  rules: UploadRules | ((fields: Readonly<Partial<Record<string, string>>>) => UploadRules),
  stagingDir: string,
  sealer: AttachmentSealer,
  route: UploadRoute,
): Promise<{ file: ReceivedFile; fields: Record<string, string> }> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    await drained(req, route.idleMs);
    throw new UploadRefused(
      400,
      `send the file as multipart/form-data with the file in a part named "file" (Content-Type was ${JSON.stringify(contentType.slice(0, 80)) || 'not given'})`,
      'kirim berkas sebagai multipart/form-data dengan bagian bernama "file"',
    );
  }
  await mkdir(stagingDir, { recursive: true, mode: 0o700 });
  const declared = Number(req.headers['content-length']);
  const fields: Record<string, string> = {};
  let refusal: UploadRefused | null = null;
  let received: ReceivedFile | null = null;
  let writing: Promise<void> | null = null;
  let seen = 0;

  const refuse = (r: UploadRefused) => (refusal ??= r);
  const rulesNow = () => (typeof rules === 'function' ? rules(fields) : rules);

  // a request that says up front it is far larger than any file allowed is not parsed at all
  const early = typeof rules === 'function' ? null : rules;
  if (early && Number.isFinite(declared) && declared > early.limits.maxBytes + MULTIPART_ROOM) {
    await drained(req, route.idleMs);
    throw tooLarge(early, declared, true);
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12, headerPairs: 20 } });
  } catch (e) {
    await drained(req, route.idleMs);
    throw new UploadRefused(400, `the upload is not valid multipart/form-data: ${(e as Error).message}`, 'unggahan bukan multipart/form-data yang sah');
  }

  const recent = new RecentBytes(RECENT_BYTES);
  const boundary = boundaryOf(contentType);
  const textParts = Object.keys(route.textParts);
  // once the parser has failed, or the request is given up, the parser is fed no more: a file still
  // streaming ends with an error (its partial file removed); false when it was stopped already
  let stopped = false;
  const stopParsing = (): boolean => {
    if (stopped) return false;
    stopped = true;
    req.unpipe(parser);
    parser.destroy();
    return true;
  };
  const done = new Promise<void>((resolve) => {
    // after a parser's error the rest of the request is read and thrown away, then answered
    const stop = () => {
      if (stopParsing()) drained(req, route.idleMs).then(resolve, resolve);
    };
    parser.on('field', (name, value) => {
      const listed = textParts.find((p) => name.startsWith(`${p}[`));
      if (listed) refuse(sentAgain(listed, route.textParts[listed], 'as a list'));
      else if (textParts.includes(name) && Object.hasOwn(fields, name)) refuse(sentAgain(name, route.textParts[name], 'more than once'));
      if (Object.hasOwn(fields, name)) return;
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        refuse(
          new UploadRefused(
            400,
            `send the file in a part named "file" (it came in a part named ${JSON.stringify(name.slice(0, 40))})`,
            'kirim berkas pada bagian bernama "file"',
          ),
        );
        stream.resume();
        return;
      }
      let r: UploadRules;
      try {
        r = rulesNow();
      } catch (e) {
        refuse(e instanceof UploadRefused ? e : new UploadRefused(400, (e as Error).message, (e as Error).message));
        stream.resume();
        return;
      }
      writing = sealFile(stream, info.filename ?? '', info.mimeType, r, stagingDir, sealer).then(
        (file) => {
          received = file;
        },
        (e: unknown) => {
          refuse(e instanceof UploadRefused ? e : new UploadRefused(400, `the file could not be read: ${(e as Error).message}`, 'berkas tidak dapat dibaca'));
        },
      );
    });
    parser.on('filesLimit', () =>
      refuse(
        textParts.length
          ? new UploadRefused(
              400,
              'send one file per upload: each file field takes one file',
              'kirim satu berkas setiap kali unggah: setiap isian berkas menerima satu berkas',
            )
          : new UploadRefused(
              400,
              'send one file per upload: upload each file on its own, then send their tokens together',
              'kirim satu berkas setiap kali unggah: unggah berkas satu per satu, lalu kirim tokennya bersama-sama',
            ),
      ),
    );
    parser.on('partsLimit', () => refuse(tooManyParts(textParts, 'parts')));
    parser.on('fieldsLimit', () => refuse(tooManyParts(textParts, 'text parts')));
    parser.on('error', (e: Error) => {
      refuse(parseRefusal(e, () => malformedHeader(recent.bytes(), boundary)));
      stop();
    });
    parser.on('close', () => {
      if (!stopped) resolve();
    });
  });

  // a client that stops sending is not waited for past route.idleMs; a request this side paused (the
  // disk is slow to take the file), or one that has arrived whole, is the server's to finish
  let lastData = Date.now();
  let idle: NodeJS.Timeout | undefined;
  const stalled = new Promise<'stalled'>((resolve) => {
    const check = () => {
      if (req.complete) return;
      // while this side has paused the request, the client is not the one waiting: its quiet starts again
      if (req.readableFlowing === false) lastData = Date.now();
      const quiet = Date.now() - lastData;
      if (quiet >= route.idleMs) resolve('stalled');
      else idle = setTimeout(check, Math.max(route.idleMs - quiet, 50));
    };
    idle = setTimeout(check, route.idleMs);
  });
  req.on('data', (chunk: Buffer) => {
    lastData = Date.now();
    seen += chunk.length;
    recent.push(chunk);
    if (seen > DRAIN_CEILING) req.destroy();
  });
  const aborted = new Promise<'aborted'>((resolve) => req.on('close', () => !req.complete && resolve('aborted')));
  req.pipe(parser);
  let outcome: 'read' | 'aborted' | 'stalled';
  try {
    outcome = await Promise.race([done.then(() => 'read' as const), aborted, stalled]);
    if (outcome === 'stalled') refuse(stalledRefusal(route.idleMs));
    // the request is not read to its end: a file still streaming ends with an error, and is removed
    if (outcome !== 'read') stopParsing();
    await writing;
  } finally {
    clearTimeout(idle);
  }
  const failed = refusal as UploadRefused | null;
  const file = received as ReceivedFile | null;
  if (outcome === 'aborted' || failed || !file) {
    if (file) await rm(file.path, { force: true });
    if (outcome === 'aborted') throw new UploadRefused(400, 'the upload was cut off before the end: send it again', 'unggahan terputus: kirim lagi');
    throw failed ?? new UploadRefused(400, 'no file was sent: send it in a part named "file" of a multipart/form-data body', 'tidak ada berkas yang dikirim');
  }
  return { file, fields };
}

/** A text part (or query parameter) of the route sent twice, or as a list (`sop[]`). */
export function sentAgain(name: string, what: { en: string; id: string }, how: 'more than once' | 'as a list'): UploadRefused {
  return how === 'as a list'
    ? new UploadRefused(
        400,
        `${name} was sent as a list (${name}[…]): send one ${what.en}, as ${name}=…`,
        `${name} dikirim sebagai daftar: kirim satu ${what.id} saja`,
        {},
        name,
      )
    : new UploadRefused(
        400,
        `${name} was sent more than once: send one ${what.en}, once`,
        `${name} dikirim lebih dari sekali: kirim satu ${what.id} saja`,
        {},
        name,
      );
}

function tooManyParts(textParts: readonly string[], kind: 'parts' | 'text parts'): UploadRefused {
  const list = (and: string) => (textParts.length < 2 ? textParts.join('') : `${textParts.slice(0, -1).join(', ')} ${and} ${textParts.at(-1)}`);
  if (kind === 'text parts') {
    return textParts.length
      ? new UploadRefused(
          400,
          `the upload has too many text parts: send at most ${list('and')}, then the file in a part named "file"`,
          `unggahan memuat terlalu banyak isian teks: kirim paling banyak isian ${list('dan')}, lalu berkasnya pada bagian bernama "file"`,
        )
      : new UploadRefused(
          400,
          'the upload has too many text parts: this upload takes no text parts, only the file in a part named "file"',
          'unggahan memuat terlalu banyak isian teks: unggahan ini hanya menerima berkas pada bagian bernama "file"',
        );
  }
  return textParts.length
    ? new UploadRefused(
        400,
        `the upload has too many parts: send the file in a part named "file", with at most ${list('and')} before it`,
        `unggahan memuat terlalu banyak bagian: kirim berkas pada bagian bernama "file", dengan paling banyak isian ${list('dan')} sebelumnya`,
      )
    : new UploadRefused(
        400,
        'the upload has too many parts: send only the file, in one part named "file"',
        'unggahan memuat terlalu banyak bagian: kirim berkasnya saja, dalam satu bagian bernama "file"',
      );
}

function stalledRefusal(idleMs: number): UploadRefused {
  const seconds = Math.round(idleMs / 100) / 10;
  return new UploadRefused(
    400,
    `no part of the upload arrived for ${seconds} seconds: the connection may have dropped: send the file again`,
    `unggahan terhenti: tidak ada data yang diterima selama ${String(seconds).replace('.', ',')} detik: kirim berkasnya lagi`,
  );
}

const TRUNCATED = () =>
  new UploadRefused(
    400,
    'the upload ended before its closing boundary: send the whole file again',
    'unggahan berakhir sebelum batas penutupnya: kirim ulang seluruh berkasnya',
  );

/** The refusal for an error of the multipart parser (or of the file stream it feeds), in words. */
function parseRefusal(e: Error, malformed: () => UploadRefused): UploadRefused {
  if (/^Unexpected end of (form|file)$/.test(e.message)) return TRUNCATED();
  if (e.message === 'Malformed part header') return malformed();
  return new UploadRefused(400, `the upload is not valid multipart/form-data: ${e.message}`, 'unggahan rusak atau terpotong: coba lagi');
}

function tooLarge(r: UploadRules, size: number, atLeast: boolean): UploadRefused {
  const sent = `${atLeast ? 'about ' : 'more than '}${sizeText(size)}`;
  return new UploadRefused(
    413,
    `"${r.label}" takes files of at most ${r.limits.maxSizeMb} MB; the file sent is ${sent}: send a smaller file (a photo at a lower resolution, or a scan in fewer pages)`,
    `"${r.label}" menerima berkas paling besar ${String(r.limits.maxSizeMb).replace('.', ',')} MB; berkas yang dikirim ${atLeast ? 'sekitar ' : 'lebih dari '}${sizeText(size, 'id')}: kirim berkas yang lebih kecil`,
    { maxSizeMb: r.limits.maxSizeMb, maxBytes: r.limits.maxBytes },
  );
}

/**
 * Streams one file into the staging folder: sniffed, counted, hashed and sealed as it arrives.
 * Settles however the stream ends: resolves once the sealed file is whole on disk; rejects (with an
 * {@link UploadRefused}) once a refused or broken file has been closed and removed.
 */
function sealFile(
  stream: Readable & { truncated?: boolean },
  filename: string,
  declaredType: string,
  r: UploadRules,
  stagingDir: string,
  sealer: AttachmentSealer,
): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    const storageKey = randomUUID().replace(/-/g, '');
    const path = join(stagingDir, `${storageKey}.part`);
    const hash = createHash('sha256');
    let head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    let sealedSize = 0;
    let type: string | null = null;
    let out: WriteStream | null = null;
    let seal: ReturnType<AttachmentSealer['begin']> | null = null;
    let failure: UploadRefused | null = null;
    let ended = false;

    /** Refuses the file: the rest of the stream is read and thrown away, the partial file closed and removed, then this rejects. */
    const fail = (e: UploadRefused) => {
      if (failure) return;
      failure = e;
      const partial = out;
      out = null;
      stream.resume();
      // the write stream may still be opening the file: it is removed once the stream has let go of it
      closed(partial)
        .then(() => rm(path, { force: true }))
        .then(
          () => reject(e),
          () => reject(e),
        );
    };
    const unreadable = (e: unknown) =>
      fail(e instanceof UploadRefused ? e : new UploadRefused(400, `the file could not be stored: ${(e as Error).message}`, 'berkas tidak dapat disimpan'));
    const write = (chunk: Buffer) => {
      hash.update(chunk);
      const sealed = seal!.cipher.update(chunk);
      sealedSize += sealed.length;
      if (!out!.write(sealed)) {
        stream.pause();
        out!.once('drain', () => stream.resume());
      }
    };
    /** Reads the file's kind from its first bytes and opens the sealed file; false when the kind is refused. */
    const decide = (): boolean => {
      const first = Buffer.concat(head);
      head = [];
      type = sniffFileType(first);
      if (!type || !r.limits.accept.includes(type)) {
        const what = type
          ? `a ${fileTypesText([type])} file`
          : `a file of a kind it does not take (its name says ${JSON.stringify(filename.slice(0, 60))}, sent as ${declaredType || 'no type'})`;
        const whatId = type ? `berkas ${fileTypesText([type], 'id')}` : 'berkas yang jenisnya tidak diterima';
        fail(
          new UploadRefused(
            415,
            `"${r.label}" takes ${fileTypesText(r.limits.accept)} files; this is ${what}: the kind is read from the file's content, not its name`,
            `"${r.label}" hanya menerima berkas ${fileTypesText(r.limits.accept, 'id')}; yang dikirim ${whatId}`,
            { accept: r.limits.accept, detected: type },
          ),
        );
        return false;
      }
      seal = sealer.begin(storageKey);
      out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      out.on('error', (e) => unreadable(e));
      out.write(seal.header);
      sealedSize += seal.header.length;
      write(first);
      return true;
    };

    stream.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        size += chunk.length;
        if (size > r.limits.maxBytes) {
          fail(tooLarge(r, size, false));
          return;
        }
        if (type === null) {
          head.push(chunk);
          headBytes += chunk.length;
          if (headBytes >= SNIFF_BYTES) decide();
          return;
        }
        write(chunk);
      } catch (e) {
        unreadable(e);
      }
    });
    // the body ended (or broke) before the part did: busboy ends the part with an error
    stream.on('error', (e: Error) => fail(parseRefusal(e, malformedHeaderUnknown)));
    stream.on('close', () => {
      if (!ended) fail(TRUNCATED());
    });
    stream.on('end', () => {
      ended = true;
      if (failure) return;
      try {
        if (size === 0) {
          fail(
            new UploadRefused(
              400,
              `the file sent for "${r.label}" is empty (0 bytes): choose the file again`,
              `berkas untuk "${r.label}" kosong: pilih berkasnya lagi`,
            ),
          );
          return;
        }
        if (type === null && !decide()) return;
        if (!out || !seal) throw new Error('the file was not opened');
        const rest = seal.cipher.final();
        const tag = AttachmentSealer.tagOf(seal.cipher);
        sealedSize += rest.length + tag.length;
        out.end(Buffer.concat([rest, tag]), (err?: Error | null) => {
          if (err) unreadable(err);
          if (failure) return; // rejected by fail() once the file is removed
          resolve({ storageKey, path, sealedSize, name: sanitizeFileName(filename, type!), type: type!, size, sha256: hash.digest('hex') });
        });
      } catch (e) {
        unreadable(e);
      }
    });
  });
}

/** Resolves once a write stream has closed its file (destroying it first); at once when there is none. */
function closed(out: WriteStream | null): Promise<void> {
  if (!out || out.closed) return Promise.resolve();
  return new Promise((resolve) => {
    out.once('close', () => resolve());
    out.destroy();
  });
}

/**
 * Reads the rest of a request and throws it away (a client answered before it finished sending sees
 * a reset instead). Resolves when it has ended or closed, or once nothing arrived for `idleMs`.
 */
export function drained(req: IncomingMessage, idleMs: number): Promise<void> {
  if (req.complete || req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let lastData = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const onData = () => (lastData = Date.now());
    const finish = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', finish);
      req.off('close', finish);
      resolve();
    };
    const check = () => {
      const quiet = Date.now() - lastData;
      if (quiet >= idleMs) finish();
      else timer = setTimeout(check, Math.max(idleMs - quiet, 50));
    };
    timer = setTimeout(check, idleMs);
    req.on('data', onData);
    req.on('end', finish);
    req.on('close', finish);
    req.resume();
  });
}

/** The boundary of a multipart Content-Type (quoted or not), or null. */
function boundaryOf(contentType: string): string | null {
  const m = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentType);
  if (!m) return null;
  return (m[1] as string | undefined)?.replace(/\\(.)/g, '$1') ?? m[2];
}

/** Keeps the last chunks of a request: at least `size` bytes before the newest one. */
class RecentBytes {
  private chunks: Buffer[] = [];
  private total = 0;
  /** Whether the chunks kept begin with the first byte of the body. */
  private fromStart = true;
  constructor(private readonly size: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.total += chunk.length;
    while (this.chunks.length > 2 && this.total - chunk.length - this.chunks[0].length >= this.size) {
      this.total -= this.chunks[0].length;
      this.chunks.shift();
      this.fromStart = false;
    }
  }

  /** The bytes kept; from the start of the body on, a CRLF before them (as the parser reads the body). */
  bytes(): Buffer {
    return Buffer.concat(this.fromStart ? [CRLF, ...this.chunks] : this.chunks);
  }
}

const CRLF = Buffer.from('\r\n');
/** A character of a header name (RFC 9110 token). */
const TOKEN_CHAR = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;

/** Where a part header's line holds what the parser refuses: the index of the byte, and whether it is in the name. */
function faultOf(line: Buffer): { at: number; inName: boolean } | null {
  const folded = line[0] === 0x20 || line[0] === 0x09;
  const colon = folded ? -1 : line.indexOf(0x3a);
  if (!folded) {
    const nameEnd = colon === -1 ? line.length : colon;
    for (let i = 0; i < nameEnd; i++) if (!TOKEN_CHAR.test(String.fromCharCode(line[i]))) return { at: i, inName: true };
    if (colon <= 0) return { at: nameEnd, inName: true };
  }
  for (let i = colon + 1; i < line.length; i++) {
    const b = line[i];
    if ((b < 0x20 && b !== 0x09) || b === 0x7f) return { at: i, inName: false };
  }
  return null;
}

const CONTROL_CHARACTER = 'a character a part header cannot carry (a NUL byte or another control character)';

/** A malformed part header, in words: which header of the part (the file name above all) holds what it may not. */
function malformedHeader(recent: Buffer, boundary: string | null): UploadRefused {
  const delimiter = boundary === null ? null : Buffer.from(`\r\n--${boundary}`);
  // the parts' headers in the bytes kept, in order: the first with a fault is the one the parser refused
  for (let at = delimiter ? recent.indexOf(delimiter) : -1; delimiter && at !== -1; at = recent.indexOf(delimiter, at + delimiter.length)) {
    const start = at + delimiter.length + 2;
    if (recent.subarray(at + delimiter.length, start).toString('latin1') !== '\r\n') continue;
    const end = recent.indexOf('\r\n\r\n', start);
    const block = recent.subarray(start, end === -1 ? recent.length : end);
    for (let from = 0; from <= block.length;) {
      const next = block.indexOf(CRLF, from);
      const line = block.subarray(from, next === -1 ? block.length : next);
      const fault = faultOf(line);
      if (fault) return malformedLine(line, fault);
      if (next === -1) break;
      from = next + 2;
    }
  }
  return malformedHeaderUnknown();
}

function malformedLine(line: Buffer, fault: { at: number; inName: boolean }): UploadRefused {
  if (fault.inName) return malformedHeaderUnknown();
  const colon = line.indexOf(0x3a);
  const name = line.subarray(0, colon).toString('latin1');
  if (name.toLowerCase() === 'content-disposition') {
    const before = line.subarray(colon + 1, fault.at).toString('latin1');
    const param = /(?:^|;)\s*(filename\*?|name)\s*=\s*(?:"(?:[^"\\]|\\.)*|[^;]*)$/i.exec(before)?.[1].toLowerCase();
    if (param?.startsWith('filename')) {
      return new UploadRefused(
        400,
        `the file name holds ${CONTROL_CHARACTER}: rename the file and send it again (or send the name percent-encoded, as filename*=UTF-8''…)`,
        'nama berkas memuat karakter yang tidak dapat dikirim (byte NUL atau karakter kendali lain): ganti nama berkasnya lalu kirim lagi',
      );
    }
    if (param === 'name') {
      return new UploadRefused(
        400,
        `the name of a part holds ${CONTROL_CHARACTER}: send the file in a part named "file"`,
        'nama bagian unggahan memuat karakter yang tidak dapat dikirim: kirim berkas pada bagian bernama "file"',
      );
    }
  }
  const shown = name.slice(0, 40);
  return new UploadRefused(
    400,
    `the part header ${shown} holds ${CONTROL_CHARACTER}: send the file again from the form`,
    `header bagian ${shown} memuat karakter yang tidak dapat dikirim: kirim berkasnya lagi dari formulir`,
  );
}

function malformedHeaderUnknown(): UploadRefused {
  return new UploadRefused(
    400,
    'a part header of the upload cannot be read (a line that is not "Name: value", a character a header cannot carry, or headers longer than 16 KB): send the file again from the form',
    'header bagian unggahan tidak dapat dibaca: kirim berkasnya lagi dari formulir',
  );
}
