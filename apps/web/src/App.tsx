import { lazy, Suspense, type ReactNode } from 'react';
import { Shell } from './components/Shell';
import { NotFound } from './components/NotFound';
import { PrintPage } from './pages/PrintPage';
import { SopListPage } from './pages/SopListPage';
import { SopPage } from './pages/SopPage';
import { matchRoute, useLocation } from './router';

// Pages beyond reading an SOP bring the validator, the compiler, the case engine or the console:
// load them only when a page needs them, so reading an SOP (and filing a complaint) stays light.
const loadEditSopPage = () => import('./pages/EditSopPage').then((m) => ({ default: m.EditSopPage }));
// the editor is the heaviest page: opened directly, its code starts loading with the app's, not after the first render
const editorFirst = typeof location !== 'undefined' && matchRoute(location.pathname).page === 'edit' ? loadEditSopPage() : null;
const EditSopPage = lazy(() => editorFirst ?? loadEditSopPage());
const SimulateSopPage = lazy(() => import('./pages/SimulateSopPage').then((m) => ({ default: m.SimulateSopPage })));
const LoginPage = lazy(() => import('./console/LoginPage').then((m) => ({ default: m.LoginPage })));
const InboxPage = lazy(() => import('./console/InboxPage').then((m) => ({ default: m.InboxPage })));
const RegisterPage = lazy(() => import('./console/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const CasePage = lazy(() => import('./console/CasePage').then((m) => ({ default: m.CasePage })));
const FilePage = lazy(() => import('./public/FilePage').then((m) => ({ default: m.FilePage })));
const TicketPage = lazy(() => import('./public/TicketPage').then((m) => ({ default: m.TicketPage })));
const ComparePage = lazy(() => import('./compare/ComparePage').then((m) => ({ default: m.ComparePage })));
const AccountsPage = lazy(() => import('./admin/AccountsPage').then((m) => ({ default: m.AccountsPage })));
const NewSopPage = lazy(() => import('./new-sop/NewSopPage').then((m) => ({ default: m.NewSopPage })));
const AuditPage = lazy(() => import('./admin/AuditPage').then((m) => ({ default: m.AuditPage })));
const KartuPrintPage = lazy(() => import('./console/KartuPrintPage').then((m) => ({ default: m.KartuPrintPage })));
const ReplyTemplatesPage = lazy(() => import('./admin/ReplyTemplatesPage').then((m) => ({ default: m.ReplyTemplatesPage })));
const WebhooksPage = lazy(() => import('./admin/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const HolidaysPage = lazy(() => import('./holidays/HolidaysPage').then((m) => ({ default: m.HolidaysPage })));
const ReportsPage = lazy(() => import('./reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const ProposalsPage = lazy(() => import('./approval/ProposalsPage').then((m) => ({ default: m.ProposalsPage })));
const NationalReportPage = lazy(() => import('./reports/NationalReportPage').then((m) => ({ default: m.NationalReportPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<div className="page" />}>{children}</Suspense>;
}

export function App() {
  const { path } = useLocation();
  const route = matchRoute(path);
  if (route.page === 'print') return <PrintPage key={route.id} id={route.id} />;
  if (route.page === 'kartu') {
    return (
      <Lazy>
        <KartuPrintPage key={route.id} id={route.id} />
      </Lazy>
    );
  }
  return (
    <Shell>
      {route.page === 'list' && <SopListPage />}
      {route.page === 'sop' && <SopPage key={route.id} id={route.id} />}
      <Lazy>
        {route.page === 'new-sop' && <NewSopPage />}
        {route.page === 'edit' && <EditSopPage key={route.id} id={route.id} />}
        {route.page === 'proposals' && <ProposalsPage key={route.id} id={route.id} />}
        {route.page === 'simulate' && <SimulateSopPage key={route.id} id={route.id} />}
        {route.page === 'login' && <LoginPage />}
        {route.page === 'inbox' && <InboxPage />}
        {route.page === 'register' && <RegisterPage />}
        {route.page === 'case' && <CasePage key={route.id} id={route.id} />}
        {route.page === 'file' && <FilePage key={route.id} id={route.id} />}
        {route.page === 'ticket' && <TicketPage key={route.ticket} ticket={route.ticket} />}
        {route.page === 'compare' && <ComparePage />}
        {route.page === 'reports' && <ReportsPage />}
        {route.page === 'national' && <NationalReportPage />}
        {route.page === 'holidays' && <HolidaysPage />}
        {route.page === 'accounts' && <AccountsPage />}
        {route.page === 'audit' && <AuditPage />}
        {route.page === 'webhooks' && <WebhooksPage />}
        {route.page === 'reply-templates' && <ReplyTemplatesPage />}
      </Lazy>
      {route.page === 'missing' && (
        <div className="page">
          <NotFound kind="page" value={route.path} />
        </div>
      )}
    </Shell>
  );
}
