import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { S3Settings } from '../config';

/**
 * Where the sealed bytes of attachments are kept, by storage key (a random id: never a name the
 * client chose). The local disk by default, an S3-compatible bucket when configured.
 */
export interface AttachmentStorage {
  readonly kind: 'local' | 's3';
  /** Moves a finished upload (a sealed file in the staging folder) into the storage under `key`. */
  putFile(key: string, path: string, size: number): Promise<void>;
  /** The sealed bytes; throws when there is no such object. */
  read(key: string): Promise<Buffer>;
  /** Removes the object; no error when it is already gone. */
  remove(key: string): Promise<void>;
}

/** A storage key: 32 hexadecimal digits (a random UUID without dashes). */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{32}$/;

function assertKey(key: string): void {
  // the key comes from our own database, but a path is built from it: refuse anything else
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
}

/** DATA_DIR/attachments/ab/<key>: two levels keep a folder from holding millions of files. */
export class LocalDiskStorage implements AttachmentStorage {
  readonly kind = 'local';

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    assertKey(key);
    return join(this.root, key.slice(0, 2), key);
  }

  async putFile(key: string, path: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    await rename(path, target);
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, Wasabi…), path-style, with the AWS SDK v3. */
export class S3Storage implements AttachmentStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      forcePathStyle: true,
      // checksums only where the API requires them: several S3-compatible stores refuse the SDK's default trailers
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    });
  }

  async putFile(key: string, path: string, size: number): Promise<void> {
    assertKey(key);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key: `attachments/${key}`,
          Body: createReadStream(path),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
    } finally {
      await unlink(path).catch(() => undefined);
    }
  }

  async read(key: string): Promise<Buffer> {
    assertKey(key);
    const answer = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: `attachments/${key}` }));
    if (!answer.Body) throw new Error(`the object store answered attachments/${key} without a body`);
    return Buffer.from(await answer.Body.transformToByteArray());
  }

  async remove(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: `attachments/${key}` }));
  }

  destroy(): void {
    this.client.destroy();
  }
}
