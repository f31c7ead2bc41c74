import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** The app's few routes; a dependency-free router on the History API. */
export type Route =
  | { page: 'simulate'; id: string }
  | { page: 'edit'; id: string }
  | { page: 'proposals'; id: string }
  | { page: 'list' }
  | { page: 'new-sop' }
  | { page: 'sop'; id: string }
  | { page: 'print'; id: string }
  | { page: 'login' }
  | { page: 'inbox' }
  | { page: 'register' }
  | { page: 'case'; id: string }
  | { page: 'file'; id: string }
  | { page: 'ticket'; ticket: string }
  | { page: 'compare' }
  | { page: 'reports' }
  | { page: 'national' }
  | { page: 'holidays' }
  | { page: 'accounts' }
  | { page: 'audit' }
  | { page: 'kartu'; id: string }
  | { page: 'webhooks' }
  | { page: 'reply-templates' }
  | { page: 'missing'; path: string };

export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/sops') return { page: 'list' };
  // "baru" is reserved: no SOP may take it as its id (the API refuses it for a new SOP)
  if (clean === '/sops/baru') return { page: 'new-sop' };
  let m = /^\/sops\/([a-z][a-z0-9-]*)$/.exec(clean);
  if (m) return { page: 'sop', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/cetak$/.exec(clean);
  if (m) return { page: 'print', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/ubah$/.exec(clean);
  if (m) return { page: 'edit', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/usulan$/.exec(clean);
  if (m) return { page: 'proposals', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/simulasi$/.exec(clean);
  if (m) return { page: 'simulate', id: m[1] };
  if (clean === '/login') return { page: 'login' };
  if (clean === '/inbox') return { page: 'inbox' };
  if (clean === '/cases/new') return { page: 'register' };
  m = /^\/cases\/([0-9a-fA-F-]{36})$/.exec(clean);
  if (m) return { page: 'case', id: m[1].toLowerCase() };
  m = /^\/cases\/([0-9a-fA-F-]{36})\/kartu$/.exec(clean);
  if (m) return { page: 'kartu', id: m[1].toLowerCase() };
  m = /^\/lapor\/([a-z][a-z0-9-]*)$/.exec(clean);
  if (m) return { page: 'file', id: m[1] };
  if (clean === '/tiket') return { page: 'ticket', ticket: '' };
  m = /^\/tiket\/([A-Za-z0-9-]{1,40})$/.exec(clean);
  if (m) return { page: 'ticket', ticket: m[1].toUpperCase() };
  if (clean === '/compare') return { page: 'compare' };
  if (clean === '/reports') return { page: 'reports' };
  if (clean === '/reports/nasional') return { page: 'national' };
  if (clean === '/hari-libur') return { page: 'holidays' };
  if (clean === '/admin/pengguna') return { page: 'accounts' };
  if (clean === '/admin/audit') return { page: 'audit' };
  if (clean === '/admin/webhook') return { page: 'webhooks' };
  if (clean === '/admin/templat') return { page: 'reply-templates' };
  return { page: 'missing', path };
}

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function usePath(): string {
  return useLocation().path;
}

/** The current path and query string (`?a=b`, or ''), updated on navigation. */
export function useLocation(): { path: string; search: string } {
  const [location, setLocation] = useState(() => ({ path: window.location.pathname, search: window.location.search }));
  useEffect(() => {
    const onPop = () => setLocation({ path: window.location.pathname, search: window.location.search });
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return location;
}

/** Replaces the query string without a new history entry (filters, selections). */
export function replaceSearch(search: string): void {
  const next = search && !search.startsWith('?') ? `?${search}` : search;
  window.history.replaceState(null, '', `${window.location.pathname}${next}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

/** A link that changes the route without reloading the page (a modified click opens a new tab as usual). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={handle} {...rest} />;
}
