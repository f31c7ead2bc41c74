import { useEffect, useRef, useState } from 'react';
import { requestJson } from '../api';

/** A colleague of the case's lane it may be handed to. */
export interface Colleague {
  username: string;
  name: string;
  me: boolean;
  owner: boolean;
}

export const fetchColleagues = (token: string, id: string, signal?: AbortSignal) =>
  requestJson<{ items: Colleague[] }>(`/api/cases/${id}/colleagues`, { token, signal });

/** Hands the case to a colleague of its lane: they own it. */
export const handOverCase = (token: string, id: string, body: { to: string; note?: string }) =>
  requestJson<{ assignee: string | null; since: string | null }>(`/api/cases/${id}/handover`, { method: 'POST', token, body });

/** What the stream says: a case changed (read it again), or changes may have been missed (read everything again). */
export type LiveSignal = { kind: 'case'; id: string; version: number } | { kind: 'resync' };

/** Parses the text of server-sent events; returns the events complete so far and the rest. */
export function parseSse(buffer: string): { events: { id?: string; event: string; data: string }[]; rest: string } {
  const events: { id?: string; event: string; data: string }[] = [];
  const blocks = buffer.replace(/\r\n?/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    const e: { id?: string; event: string; data: string } = { event: 'message', data: '' };
    let fields = 0;
    for (const line of block.split('\n')) {
      const colon = line.indexOf(':');
      if (colon === 0) continue; // a comment: the heartbeat
      const name = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (name === 'id') e.id = value;
      else if (name === 'event') e.event = value;
      else if (name === 'data') e.data = e.data ? `${e.data}\n${value}` : value;
      else continue;
      fields++;
    }
    if (fields) events.push(e);
  }
  return { events, rest };
}

/**
 * Follows the live updates of the cases of the user's lanes (GET /api/cases/stream, docs/adr/0022):
 * calls `onSignal` for each. Reconnects after a drop with Last-Event-ID, waiting longer each time
 * (up to 30 s); a stream refused for too many open ones waits as the server says. Returns whether
 * the stream is connected now.
 */
export function useLiveCases(token: string | null, onSignal: (signal: LiveSignal) => void): boolean {
  const [connected, setConnected] = useState(false);
  const handler = useRef(onSignal);
  handler.current = onSignal;
  useEffect(() => {
    if (!token) return undefined;
    const abort = new AbortController();
    let lastId: string | undefined;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = async (): Promise<void> => {
      let wait = Math.min(30_000, 1000 * 2 ** failures);
      try {
        const res = await fetch('/api/cases/stream', {
          headers: { accept: 'text/event-stream', authorization: `Bearer ${token}`, ...(lastId ? { 'last-event-id': lastId } : {}) },
          signal: abort.signal,
        });
        if (res.status === 429) wait = Math.max(wait, Number(res.headers.get('retry-after') ?? '30') * 1000);
        if (res.ok && res.body) {
          setConnected(true);
          // after a drop the page may have missed changes the server no longer knows: it says resync
          const reader = res.body.getReader();
          const decoder = new TextDecoder();
          let buffer = '';
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            failures = 0;
            const parsed = parseSse(buffer + decoder.decode(value, { stream: true }));
            buffer = parsed.rest;
            for (const e of parsed.events) {
              if (e.id) lastId = e.id;
              if (e.event === 'resync') handler.current({ kind: 'resync' });
              else if (e.event === 'case') {
                const data = JSON.parse(e.data) as { id: string; version: number };
                handler.current({ kind: 'case', id: data.id, version: data.version });
              }
            }
          }
        }
      } catch {
        /* dropped or aborted */
      }
      if (abort.signal.aborted) return;
      setConnected(false);
      failures++;
      timer = setTimeout(() => void connect(), wait);
    };
    void connect();
    return () => {
      abort.abort();
      if (timer) clearTimeout(timer);
      setConnected(false);
    };
  }, [token]);
  return connected;
}
