import { parseArgs } from 'node:util';
import { call, loginFromEnv, refusal, type ApiIo } from './api-client';

export const USERS_HELP = `Usage: sop users <list|create|disable|enable|reset-password|unlock> … --api <url>

Manages accounts on a running server, through the same API as the administrators' page (no restart,
no direct database access). Your own credentials come from SOP_USERNAME and SOP_PASSWORD: a
platform administrator manages every account, a regency's administrator that regency's.

  list [--regency <sop>] [--json]
  create <username> --regency <sop|*> --name "<display name>" [--lane <lane>]… [--permission author|reviewer|admin]…
      the new account's password comes from NEW_USER_PASSWORD (at least 12 characters)
  disable <username>          its open sessions end at once; enable <username> lets it back
  reset-password <username>   the new password comes from NEW_USER_PASSWORD; open sessions end
  unlock <username>           lifts a lockout after repeated wrong passwords

Exit status: 0 done, 1 the server refused, 2 wrong usage or unreachable.`;

interface Account {
  username: string;
  displayName: string;
  regency: string;
  lanes: string[];
  permissions: string[];
  disabled: boolean;
}

function formatAccounts(items: Account[], total: number): string {
  const width = items.reduce((w, u) => Math.max(w, u.username.length), 8);
  const lines = items.map(
    (u) =>
      `${u.username.padEnd(width)}  ${u.regency.padEnd(12)}  ${(u.lanes.join(',') || '-').padEnd(24)}  ${(u.permissions.join(',') || '-').padEnd(14)}  ${u.disabled ? 'disabled' : 'active'}  ${u.displayName}`,
  );
  return [...lines, `${items.length} of ${total} account(s)`].join('\n');
}

/**
 * `sop users …`: account administration against a running server.
 *
 * @example
 * await runUsersCommand(['disable', 'metro.budi', '--api', 'http://localhost:3000'], io);
 */
export async function runUsersCommand(args: string[], io: ApiIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        json: { type: 'boolean' },
        api: { type: 'string' },
        regency: { type: 'string' },
        name: { type: 'string' },
        lane: { type: 'string', multiple: true },
        permission: { type: 'string', multiple: true },
      },
      strict: true,
    });
  } catch (e) {
    io.stderr(`sop users: ${(e as Error).message}\n\n${USERS_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [action, username, ...extra] = positionals;
  if (values.help || !action) {
    (values.help ? io.stdout : io.stderr)(USERS_HELP);
    return values.help ? 0 : 2;
  }
  const actions = ['list', 'create', 'disable', 'enable', 'reset-password', 'unlock'];
  if (!actions.includes(action) || extra.length || (action === 'list' ? username !== undefined : !username)) {
    io.stderr(`sop users: expected one of ${actions.join(', ')}${action === 'list' ? '' : ' and a username'}\n\n${USERS_HELP}`);
    return 2;
  }
  if (!values.api) return (io.stderr(`sop users ${action}: --api <url> is required (the running server, e.g. http://localhost:3000)`), 2);
  const password = io.env.NEW_USER_PASSWORD;
  if ((action === 'create' || action === 'reset-password') && (!password || password.length < 12)) {
    return (io.stderr(`sop users ${action}: set NEW_USER_PASSWORD to the account's new password (at least 12 characters)`), 2);
  }
  if (action === 'create' && (!values.regency || !values.name)) return (io.stderr('sop users create: --regency and --name are required'), 2);
  const login = await loginFromEnv(io, values.api, `sop users ${action}`);
  if ('code' in login) return login.code;
  const user = encodeURIComponent(username ?? '');
  const request: Record<string, [string, string, unknown]> = {
    list: ['GET', `/api/admin/users?pageSize=200${values.regency ? `&regency=${encodeURIComponent(values.regency)}` : ''}`, undefined],
    create: [
      'POST',
      '/api/admin/users',
      { username, displayName: values.name, regency: values.regency, lanes: values.lane ?? [], permissions: values.permission ?? [], password },
    ],
    disable: ['PATCH', `/api/admin/users/${user}`, { disabled: true }],
    enable: ['PATCH', `/api/admin/users/${user}`, { disabled: false }],
    'reset-password': ['PUT', `/api/admin/users/${user}/password`, { password }],
    unlock: ['POST', `/api/admin/users/${user}/unlock`, undefined],
  };
  const [method, path, body] = request[action];
  const r = await call(io, values.api, method, path, body, login.token);
  if (typeof r === 'string') return (io.stderr(`sop users ${action}: ${r}`), 2);
  if (r.status >= 300) return (io.stderr(`sop users ${action}: ${refusal(r)}`), 1);
  const answer = r.body as { items: Account[]; total: number; unlocked?: boolean; regency: string; lanes: string[] };
  if (values.json) io.stdout(JSON.stringify(r.body, null, 2));
  else if (action === 'list') io.stdout(formatAccounts(answer.items, answer.total));
  else if (action === 'unlock') io.stdout(answer.unlocked ? `${username}: lockout lifted` : `${username}: was not locked`);
  else
    io.stdout(
      `${username}: ${action === 'create' ? 'created' : action === 'reset-password' ? 'password reset; its sessions ended' : `${action}d`} (${answer.regency}; lanes: ${answer.lanes.join(', ') || 'none'})`,
    );
  return 0;
}
