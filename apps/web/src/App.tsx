import { lazy, Suspense } from 'react';
import { Notice, Shell } from './components/Shell';
import { useI18n } from './i18n';
import { PrintPage } from './pages/PrintPage';
import { SopListPage } from './pages/SopListPage';
import { SopPage } from './pages/SopPage';

// The editor and the simulation bring the validator, the compiler and the case engine: load them
// only when a page needs them, so reading an SOP stays light.
const EditSopPage = lazy(() => import('./pages/EditSopPage').then((m) => ({ default: m.EditSopPage })));
const SimulateSopPage = lazy(() => import('./pages/SimulateSopPage').then((m) => ({ default: m.SimulateSopPage })));
import { Link, matchRoute, usePath } from './router';

export function App() {
  const route = matchRoute(usePath());
  const { t } = useI18n();
  if (route.page === 'print') return <PrintPage key={route.id} id={route.id} />;
  return (
    <Shell>
      {route.page === 'list' && <SopListPage />}
      {route.page === 'sop' && <SopPage key={route.id} id={route.id} />}
      <Suspense fallback={<div className="page" />}>
        {route.page === 'edit' && <EditSopPage key={route.id} id={route.id} />}
        {route.page === 'simulate' && <SimulateSopPage key={route.id} id={route.id} />}
      </Suspense>
      {route.page === 'missing' && (
        <div className="page">
          <Notice kind="error">404 · {route.path}</Notice>
          <Link href="/sops">{t('backToList')}</Link>
        </div>
      )}
    </Shell>
  );
}
