import { attachmentLimitsOf } from '@sop/citizen-data';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AttachmentSealer } from './attachment-seal';
import { receiveUpload, UploadRefused, type UploadRoute, type UploadRules } from './receive-upload';

/**
 * receiveUpload settles however the request ends, and leaves nothing in the staging folder when it
 * refuses: the request cut short, stalled or dropped, the disk refusing the file, the sealing
 * failing. (The HTTP side of the same is in apps/api/test/attachments-upload-edges.int-spec.ts.)
 */

const BOUNDARY = 'BOUNDARY';
const RULES: UploadRules = { limits: attachmentLimitsOf({ maxSizeMb: 1 }), label: 'Foto KTP' };
const ROUTE: UploadRoute = { textParts: {}, idleMs: 300 };
const png = (size: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
const fileHead = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="ktp.png"\r\nContent-Type: image/png\r\n\r\n`);
const closing = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** A request as Node's HTTP server makes it: its body pushed as it "arrives", `complete` once it is whole. */
function request(length: number): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(length) };
  return req;
}
const send = (req: IncomingMessage, chunk: Buffer) => req.push(chunk);
const finish = (req: IncomingMessage, last: Buffer) => {
  req.complete = true;
  req.push(last);
  req.push(null);
};

let staging: string;
beforeEach(() => {
  staging = join(mkdtempSync(join(tmpdir(), 'sop-receive-')), 'incoming');
});
afterEach(() => rmSync(join(staging, '..'), { recursive: true, force: true }));
const left = () => readdirSync(staging);
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the upload was taken');
    },
    (e: unknown) => {
      if (!(e instanceof UploadRefused)) throw e;
      return { status: e.status, message: e.message, messageId: e.messageId };
    },
  );

it('takes a whole file', async () => {
  const req = request(0);
  const taken = receiveUpload(req, RULES, staging, new AttachmentSealer(randomBytes(32)), ROUTE);
  send(req, fileHead);
  finish(req, Buffer.concat([png(50_000), closing]));
  const { file } = await taken;
  expect(file).toMatchObject({ type: 'image/png', size: 50_000 });
  expect(left()).toEqual([`${file.storageKey}.part`]);
});

it('refuses a body that ends before its closing boundary, and removes the partial file', async () => {
  const req = request(0);
  const taken = receiveUpload(req, RULES, staging, new AttachmentSealer(randomBytes(32)), ROUTE);
  finish(req, Buffer.concat([fileHead, png(100)]));
  expect(await refusal(taken)).toEqual({
    status: 400,
    message: 'the upload ended before its closing boundary: send the whole file again',
    messageId: 'unggahan berakhir sebelum batas penutupnya: kirim ulang seluruh berkasnya',
  });
  expect(left()).toEqual([]);
});

it('refuses a body that stops arriving, once route.idleMs pass, and removes the partial file', async () => {
  const req = request(1_000_000);
  const taken = receiveUpload(req, RULES, staging, new AttachmentSealer(randomBytes(32)), ROUTE);
  send(req, Buffer.concat([fileHead, png(40_000)]));
  const started = Date.now();
  expect(await refusal(taken)).toMatchObject({ status: 400, message: expect.stringContaining('no part of the upload arrived for 0.3 seconds') });
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  expect(left()).toEqual([]);
});

it('settles when the client goes away mid-file, and removes the partial file', async () => {
  const req = request(1_000_000);
  const taken = receiveUpload(req, RULES, staging, new AttachmentSealer(randomBytes(32)), { ...ROUTE, idleMs: 60_000 });
  send(req, Buffer.concat([fileHead, png(40_000)]));
  await new Promise((r) => setTimeout(r, 50));
  expect(left()).toHaveLength(1);
  req.destroy();
  expect(await refusal(taken)).toMatchObject({ status: 400, message: 'the upload was cut off before the end: send it again' });
  expect(left()).toEqual([]);
});

it('settles when the disk refuses the file (the staging folder is gone)', async () => {
  const req = request(0);
  const taken = receiveUpload(req, RULES, staging, new AttachmentSealer(randomBytes(32)), ROUTE);
  await new Promise((r) => setTimeout(r, 50)); // the staging folder has been made
  rmSync(staging, { recursive: true });
  writeFileSync(staging, 'not a folder');
  send(req, fileHead);
  finish(req, Buffer.concat([png(50_000), closing]));
  expect(await refusal(taken)).toMatchObject({ status: 400, message: expect.stringMatching(/^the file could not be stored: /) });
  rmSync(staging);
});

it('settles when sealing fails part way, and removes the partial file', async () => {
  class FailingSealer extends AttachmentSealer {
    override begin(storageKey: string) {
      const sealing = super.begin(storageKey);
      let chunks = 0;
      const update = sealing.cipher.update.bind(sealing.cipher) as (chunk: Buffer) => Buffer;
      Object.assign(sealing.cipher, {
        update: (chunk: Buffer) => {
          if (++chunks > 1) throw new Error('the sealing failed');
          return update(chunk);
        },
      });
      return sealing;
    }
  }
  const req = request(0);
  const taken = receiveUpload(req, RULES, staging, new FailingSealer(randomBytes(32)), ROUTE);
  send(req, Buffer.concat([fileHead, png(100)]));
  await new Promise((r) => setTimeout(r, 20));
  finish(req, Buffer.concat([randomBytes(100_000), closing]));
  expect(await refusal(taken)).toMatchObject({ status: 400, message: 'the file could not be stored: the sealing failed' });
  expect(left()).toEqual([]);
});
