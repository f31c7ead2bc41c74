/** What a command that talks to a running server reads, writes and calls; tests pass their own. */
export interface ApiIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => string;
  env: Record<string, string | undefined>;
  fetch: (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<{ status: number; text: () => Promise<string> }>;
}

/** Calls the API; the parsed answer, or a message when the server cannot be reached. */
export async function call(
  io: ApiIo,
  api: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; body: unknown } | string> {
  let res;
  try {
    res = await io.fetch(api.replace(/\/+$/, '') + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (e) {
    return `cannot reach ${api}: ${(e as Error).message}`;
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: { message: text.slice(0, 500) } };
  }
}

/** A refusal of the API as lines: status, message, and the fields at fault. */
export function refusal(r: { status: number; body: unknown }): string {
  const body = (r.body ?? {}) as { errors?: unknown; message?: unknown };
  const errors = Array.isArray(body.errors) ? (body.errors as { field: string; message: string }[]) : [];
  return [`${r.status}: ${String(body.message ?? 'refused')}`, ...errors.map((e) => `  ${e.field}: ${e.message}`)].join('\n');
}

/** Logs in with SOP_USERNAME and SOP_PASSWORD; the token, or a message and an exit status. */
export async function loginFromEnv(io: ApiIo, api: string, command: string): Promise<{ token: string } | { code: number }> {
  const username = io.env.SOP_USERNAME;
  const password = io.env.SOP_PASSWORD;
  if (!username || !password) {
    io.stderr(`${command}: set SOP_USERNAME and SOP_PASSWORD to an administrator account`);
    return { code: 2 };
  }
  const login = await call(io, api, 'POST', '/api/auth/login', { username, password });
  if (typeof login === 'string') {
    io.stderr(`${command}: ${login}`);
    return { code: 2 };
  }
  if (login.status !== 200) {
    io.stderr(`${command}: login refused: ${refusal(login)}`);
    return { code: 1 };
  }
  return { token: String((login.body as { token?: unknown }).token) };
}
