import { apiFetch, assertOk, pageLanguage, requestJson } from '../api';

/** The administrators' API (apps/api/src/accounts, apps/api/src/audit). */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  regency: string;
  lanes: string[];
  permissions: string[];
  disabled: boolean;
  disabledAt: string | null;
  demo: boolean;
  createdAt: string;
}

export interface AccountPage {
  items: Account[];
  page: number;
  pageSize: number;
  total: number;
}

export interface NewAccount {
  username: string;
  displayName: string;
  regency: string;
  lanes: string[];
  permissions: string[];
  password: string;
}

export interface AuditLine {
  id: string;
  at: string;
  actor: string;
  action: string;
  regency: string;
  target: string | null;
  details: Record<string, unknown>;
}

/** The accounts an administrator manages, or (a platform administrator) those of one regency. */
export const listAccounts = (token: string, signal?: AbortSignal, regency?: string) =>
  requestJson<AccountPage>(`/api/admin/users?pageSize=200${regency ? `&regency=${encodeURIComponent(regency)}` : ''}`, { token, signal });
export const createAccount = (token: string, body: NewAccount) => requestJson<Account>('/api/admin/users', { method: 'POST', body, token });
export const updateAccount = (token: string, username: string, body: { disabled?: boolean; lanes?: string[]; permissions?: string[]; displayName?: string }) =>
  requestJson<Account>(`/api/admin/users/${encodeURIComponent(username)}`, { method: 'PATCH', body, token });
export const resetPassword = (token: string, username: string, password: string) =>
  requestJson<Account>(`/api/admin/users/${encodeURIComponent(username)}/password`, { method: 'PUT', body: { password }, token });
export const unlockAccount = (token: string, username: string) =>
  requestJson<{ unlocked: boolean }>(`/api/admin/users/${encodeURIComponent(username)}/unlock`, { method: 'POST', body: {}, token });

export const fetchAudit = (token: string, query: { action?: string; before?: string }, signal?: AbortSignal) => {
  const params = new URLSearchParams({ limit: '100' });
  if (query.action) params.set('action', query.action);
  if (query.before) params.set('before', query.before);
  return requestJson<{ items: AuditLine[]; next: string | null }>(`/api/admin/audit?${params.toString()}`, { token, signal });
};

/** The audit log as CSV (the newest 1000 lines of the filter), as a file the browser saves. */
export async function downloadAuditCsv(token: string, action: string | undefined): Promise<void> {
  const params = new URLSearchParams({ format: 'csv' });
  if (action) params.set('action', action);
  const res = await apiFetch(`/api/admin/audit?${params.toString()}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': pageLanguage() } });
  await assertOk(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'audit.csv';
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** Webhook endpoints (apps/api/src/webhooks, docs/webhooks.md). */
export type WebhookEvent = 'filed' | 'handed_over' | 'overdue' | 'closed';
export const WEBHOOK_EVENTS: WebhookEvent[] = ['filed', 'handed_over', 'overdue', 'closed'];

export interface Webhook {
  id: string;
  regency: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  identityLane: string | null;
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  lastDelivery: { status: string; at: string } | null;
  pending?: number;
}

export interface WebhookDelivery {
  id: number;
  event: WebhookEvent;
  caseId: string;
  ticket: string | null;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}

export interface NewWebhook {
  regency?: string;
  url: string;
  description?: string;
  events: WebhookEvent[];
  identityLane?: string | null;
}

export const listWebhooks = (token: string, signal?: AbortSignal) => requestJson<{ items: Webhook[] }>('/api/webhooks', { token, signal });
export const createWebhook = (token: string, body: NewWebhook) => requestJson<Webhook & { secret: string }>('/api/webhooks', { method: 'POST', body, token });
export const setWebhookEnabled = (token: string, id: string, enabled: boolean) =>
  requestJson<Webhook>(`/api/webhooks/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST', body: {}, token });
export async function deleteWebhook(token: string, id: string): Promise<void> {
  const res = await apiFetch(`/api/webhooks/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${token}`, 'accept-language': pageLanguage() },
  });
  await assertOk(res);
}
export const webhookDeliveries = (token: string, id: string, signal?: AbortSignal) =>
  requestJson<{ items: WebhookDelivery[]; hasMore: boolean }>(`/api/webhooks/${encodeURIComponent(id)}/deliveries?pageSize=100`, { token, signal });
