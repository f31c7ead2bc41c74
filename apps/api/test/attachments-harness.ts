import { randomBytes } from 'node:crypto';
import type { ApiClient, Reply } from './api-harness';

/** A JPEG of `size` bytes: the JPEG signature, a marker text, and filler. */
export function jpeg(size = 20_000, marker = 'KTP-MARKER-5171'): Buffer {
  const head = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
  const text = Buffer.from(marker);
  return Buffer.concat([head, text, randomBytes(Math.max(0, size - head.length - text.length))]).subarray(0, size);
}
export const png = (size = 5_000) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
export const pdf = (size = 5_000, marker = 'SURAT-PENGANTAR-RT') =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n% ${marker}\n`), randomBytes(size)]).subarray(0, size);
export const html = () => Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

export interface Part {
  name: string;
  /** A file part when set (the file name exactly as sent, any bytes). */
  filename?: string;
  /** Sent as filename*=UTF-8''… (RFC 5987, percent-encoded: how a name with any character can be sent). */
  filenameStar?: string;
  contentType?: string;
  body: Buffer | string;
}

/** A multipart/form-data body written byte by byte (so that names may hold what browsers would not send). */
export function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----sop-test-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    let header = `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) header += `; filename="${p.filename}"`;
    if (p.filenameStar !== undefined) header += `; filename*=UTF-8''${encodeURIComponent(p.filenameStar)}`;
    header += '\r\n';
    if (p.contentType) header += `Content-Type: ${p.contentType}\r\n`;
    chunks.push(Buffer.from(`${header}\r\n`, 'utf8'), Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs one file (or the parts given) as multipart/form-data. */
export async function upload(
  client: ApiClient,
  path: string,
  file: { body: Buffer; filename?: string; contentType?: string } | Part[],
  options: { as?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const parts = Array.isArray(file)
    ? file
    : [{ name: 'file', filename: file.filename ?? 'foto.jpg', contentType: file.contentType ?? 'image/jpeg', body: file.body }];
  const { body, contentType } = multipart(parts);
  const headers: Record<string, string> = { ...options.headers, 'content-type': contentType };
  if (options.as) headers.authorization = `Bearer ${await client.token(options.as)}`;
  const res = await fetch(client.url + path, { method: 'POST', headers, body: new Uint8Array(body) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as any, headers: res.headers };
}

/** Every file under a folder (recursively), as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => `${e.parentPath}/${e.name}`.slice(dir.length + 1));
  } catch {
    return [];
  }
}
