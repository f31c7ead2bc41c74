import { lazyPage } from './lazy-page';
import { Shell } from './components/Shell';
import { NotFound } from './components/NotFound';
import { SopListPage } from './pages/SopListPage';
import { matchRoute, useLocation } from './router';

// Every page but the list loads its code when it is shown: the citizen's form and ticket page, which
// people open on phones over slow networks, do not bring the flowchart (React Flow), the validator,
// the compiler or the console. On its own address a page's code is asked for beside the app's
// (sop-preload.js, from the files the build names in index.html), and again here, at once, not after
// the first render.
const SopPage = lazyPage(() => import('./pages/SopPage').then((m) => m.SopPage));
const PrintPage = lazyPage(() => import('./pages/PrintPage').then((m) => m.PrintPage));
const EditSopPage = lazyPage(() => import('./pages/EditSopPage').then((m) => m.EditSopPage));
const SimulateSopPage = lazyPage(() => import('./pages/SimulateSopPage').then((m) => m.SimulateSopPage));
const LoginPage = lazyPage(() => import('./console/LoginPage').then((m) => m.LoginPage));
const InboxPage = lazyPage(() => import('./console/InboxPage').then((m) => m.InboxPage));
const RegisterPage = lazyPage(() => import('./console/RegisterPage').then((m) => m.RegisterPage));
const CasePage = lazyPage(() => import('./console/CasePage').then((m) => m.CasePage));
const FilePage = lazyPage(() => import('./public/FilePage').then((m) => m.FilePage));
const TicketPage = lazyPage(() => import('./public/TicketPage').then((m) => m.TicketPage));
const ComparePage = lazyPage(() => import('./compare/ComparePage').then((m) => m.ComparePage));
const AccountsPage = lazyPage(() => import('./admin/AccountsPage').then((m) => m.AccountsPage));
const NewSopPage = lazyPage(() => import('./new-sop/NewSopPage').then((m) => m.NewSopPage));
const AuditPage = lazyPage(() => import('./admin/AuditPage').then((m) => m.AuditPage));
const KartuPrintPage = lazyPage(() => import('./console/KartuPrintPage').then((m) => m.KartuPrintPage));
const ReplyTemplatesPage = lazyPage(() => import('./admin/ReplyTemplatesPage').then((m) => m.ReplyTemplatesPage));
const WebhooksPage = lazyPage(() => import('./admin/WebhooksPage').then((m) => m.WebhooksPage));
const HolidaysPage = lazyPage(() => import('./holidays/HolidaysPage').then((m) => m.HolidaysPage));
const ReportsPage = lazyPage(() => import('./reports/ReportsPage').then((m) => m.ReportsPage));
const ProposalsPage = lazyPage(() => import('./approval/ProposalsPage').then((m) => m.ProposalsPage));
const NationalReportPage = lazyPage(() => import('./reports/NationalReportPage').then((m) => m.NationalReportPage));

const PRELOADED: Partial<Record<ReturnType<typeof matchRoute>['page'], { preload(): Promise<void> }>> = {
  sop: SopPage,
  print: PrintPage,
  edit: EditSopPage,
  file: FilePage,
  ticket: TicketPage,
};
if (typeof location !== 'undefined') void PRELOADED[matchRoute(location.pathname).page]?.preload();

export function App() {
  const { path } = useLocation();
  const route = matchRoute(path);
  if (route.page === 'print') return <PrintPage key={route.id} id={route.id} />;
  if (route.page === 'kartu') return <KartuPrintPage key={route.id} id={route.id} />;
  return (
    <Shell>
      {route.page === 'list' && <SopListPage />}
      {route.page === 'sop' && <SopPage key={route.id} id={route.id} />}
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
      {route.page === 'missing' && (
        <div className="page">
          <NotFound kind="page" value={route.path} />
        </div>
      )}
    </Shell>
  );
}
