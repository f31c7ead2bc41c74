import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** The app's few routes; a dependency-free router on the History API. */
export type Route = { page: 'simulate'; id: string } | { page: 'edit'; id: string } | { page: 'list' } | { page: 'sop'; id: string } | { page: 'print'; id: string } | { page: 'missing'; path: string };

export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/sops') return { page: 'list' };
  let m = /^\/sops\/([a-z][a-z0-9-]*)$/.exec(clean);
  if (m) return { page: 'sop', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/cetak$/.exec(clean);
  if (m) return { page: 'print', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/ubah$/.exec(clean);
  if (m) return { page: 'edit', id: m[1] };
  m = /^\/sops\/([a-z][a-z0-9-]*)\/simulasi$/.exec(clean);
  if (m) return { page: 'simulate', id: m[1] };
  return { page: 'missing', path };
}

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(window.location.pathname);
  useEffect(() => {
    const onPop = () => setPath(window.location.pathname);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return path;
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
