import { Notice, Shell } from './components/Shell';
import { useI18n } from './i18n';
import { EditSopPage } from './pages/EditSopPage';
import { PrintPage } from './pages/PrintPage';
import { SopListPage } from './pages/SopListPage';
import { SimulateSopPage } from './pages/SimulateSopPage';
import { SopPage } from './pages/SopPage';
import { Link, matchRoute, usePath } from './router';

export function App() {
  const route = matchRoute(usePath());
  const { t } = useI18n();
  if (route.page === 'print') return <PrintPage key={route.id} id={route.id} />;
  return (
    <Shell>
      {route.page === 'list' && <SopListPage />}
      {route.page === 'sop' && <SopPage key={route.id} id={route.id} />}
      {route.page === 'edit' && <EditSopPage key={route.id} id={route.id} />}
      {route.page === 'simulate' && <SimulateSopPage key={route.id} id={route.id} />}
      {route.page === 'missing' && (
        <div className="page">
          <Notice kind="error">404 · {route.path}</Notice>
          <Link href="/sops">{t('backToList')}</Link>
        </div>
      )}
    </Shell>
  );
}
