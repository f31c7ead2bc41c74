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

/** Bytes of a multipart request beyond its file: boundaries, headers, the few text fields. */
const MULTIPART_ROOM = 64 * 1024;
/** A request still sending this far past its limit is cut off rather than read to its end. */
const DRAIN_CEILING = 64 * 1024 * 1024;

/**
 * Reads one file from a `multipart/form-data` request (part `file`) as it streams: its kind is
 * decided by its first bytes (never by its name or the Content-Type the client gave it), its size is
 * counted as it arrives and the upload refused past the limit (nothing beyond the limit is kept),
 * and it is sealed with the data key into `stagingDir` on its way. Text parts before the file are
 * returned (`fields`). The request is always read to its end (within {@link DRAIN_CEILING}) before
 * this settles, so that the client gets the answer rather than a reset connection.
 *
 * Refusals: 400 not multipart, no file, more than one file, an empty file, a malformed body; 413 too
 * large; 415 a kind of file the field does not take.
 */
export async function receiveUpload(
  req: IncomingMessage,
  rules: UploadRules | ((fields: Readonly<Partial<Record<string, string>>>) => UploadRules),
  stagingDir: string,
  sealer: AttachmentSealer,
): Promise<{ file: ReceivedFile; fields: Record<string, string> }> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    await drained(req);
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
    await drained(req);
    throw tooLarge(early, declared, true);
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 10, fieldSize: 1000, parts: 12, headerPairs: 20 } });
  } catch (e) {
    await drained(req);
    throw new UploadRefused(400, `the upload is not valid multipart/form-data: ${(e as Error).message}`, 'unggahan bukan multipart/form-data yang sah');
  }

  const done = new Promise<void>((resolve) => {
    parser.on('field', (name, value) => {
      if (name in fields) return;
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
      refuse(new UploadRefused(400, 'send one file per upload: each file field takes one file', 'kirim satu berkas setiap kali unggah')),
    );
    parser.on('partsLimit', () =>
      refuse(
        new UploadRefused(400, 'the upload has too many parts: send the file (and at most sop and field before it)', 'unggahan memuat terlalu banyak bagian'),
      ),
    );
    parser.on('fieldsLimit', () =>
      refuse(new UploadRefused(400, 'the upload has too many text parts: send at most sop and field', 'unggahan memuat terlalu banyak isian')),
    );
    parser.on('error', (e: Error) => {
      refuse(new UploadRefused(400, `the upload is not valid multipart/form-data: ${e.message}`, 'unggahan rusak atau terpotong: coba lagi'));
      req.unpipe(parser);
      drained(req).then(resolve, resolve);
    });
    parser.on('close', () => resolve());
  });
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DRAIN_CEILING) req.destroy();
  });
  const aborted = new Promise<'aborted'>((resolve) => req.on('close', () => !req.complete && resolve('aborted')));
  req.pipe(parser);
  const outcome = await Promise.race([done, aborted]);
  await writing;
  const failed = refusal as UploadRefused | null;
  const file = received as ReceivedFile | null;
  if (outcome === 'aborted' || failed || !file) {
    if (file) await rm(file.path, { force: true });
    if (outcome === 'aborted') throw new UploadRefused(400, 'the upload was cut off before the end: send it again', 'unggahan terputus: kirim lagi');
    throw failed ?? new UploadRefused(400, 'no file was sent: send it in a part named "file" of a multipart/form-data body', 'tidak ada berkas yang dikirim');
  }
  return { file, fields };
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

/** Streams one file into the staging folder: sniffed, counted, hashed and sealed as it arrives. */
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

    const fail = (e: UploadRefused) => {
      if (failure) return;
      failure = e;
      out?.destroy();
      out = null;
      void rm(path, { force: true });
      stream.resume(); // the rest is read and thrown away
    };
    const write = (chunk: Buffer) => {
      hash.update(chunk);
      const sealed = seal!.cipher.update(chunk);
      sealedSize += sealed.length;
      if (!out!.write(sealed)) {
        stream.pause();
        out!.once('drain', () => stream.resume());
      }
    };
    const decide = () => {
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
        return;
      }
      seal = sealer.begin(storageKey);
      out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
      out.on('error', (e) => fail(new UploadRefused(400, `the file could not be stored: ${e.message}`, 'berkas tidak dapat disimpan')));
      out.write(seal.header);
      sealedSize += seal.header.length;
      write(first);
    };

    stream.on('data', (chunk: Buffer) => {
      if (failure) return;
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
    });
    stream.on('error', (e: Error) => {
      fail(new UploadRefused(400, `the upload is not valid multipart/form-data: ${e.message}`, 'unggahan rusak atau terpotong'));
    });
    stream.on('end', () => {
      if (!failure && size === 0)
        fail(
          new UploadRefused(
            400,
            `the file sent for "${r.label}" is empty (0 bytes): choose the file again`,
            `berkas untuk "${r.label}" kosong: pilih berkasnya lagi`,
          ),
        );
      if (!failure && type === null) decide();
      if (failure || !out || !seal) {
        reject(failure ?? new Error('no file'));
        return;
      }
      const rest = seal.cipher.final();
      const tag = AttachmentSealer.tagOf(seal.cipher);
      sealedSize += rest.length + tag.length;
      const target = out;
      target.end(Buffer.concat([rest, tag]), () => {
        if (failure) return reject(failure);
        resolve({ storageKey, path, sealedSize, name: sanitizeFileName(filename, type!), type: type!, size, sha256: hash.digest('hex') });
      });
    });
  });
}

/** Reads the rest of a request and throws it away (a client answered before it finished sending sees a reset instead). */
function drained(req: IncomingMessage): Promise<void> {
  if (req.complete || req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('close', resolve);
    req.resume();
  });
}
