import { lazyPage } from './lazy-page';
import { Shell } from './components/Shell';
import { NotFound } from './components/NotFound';
import { SopListPage } from './pages/SopListPage';
import { matchRoute, useLocation } from './router';

// Every page but the list loads its code when it is shown: the citizen's form and ticket page, which
// people open on phones over slow networks, do not bring the flowchart (React Flow), the validator,
// the compiler or the console. On its own address a page's code is asked for beside the app's
// (sop-preload.js, from the files the build names in index.html), and again here, at once, not after
// the first render. Each page's words beyond the core (the shell's, the list's and the citizen's)
// load with its code ('staff', staff-messages.ts): the citizen's pages do not download them.
const STAFF = ['staff'] as const;

const SopPage = lazyPage(() => import('./pages/SopPage').then((m) => m.SopPage), STAFF);
const PrintPage = lazyPage(() => import('./pages/PrintPage').then((m) => m.PrintPage), STAFF);
const EditSopPage = lazyPage(() => import('./pages/EditSopPage').then((m) => m.EditSopPage), STAFF);
const SimulateSopPage = lazyPage(() => import('./pages/SimulateSopPage').then((m) => m.SimulateSopPage), STAFF);
const LoginPage = lazyPage(() => import('./console/LoginPage').then((m) => m.LoginPage), STAFF);
const InboxPage = lazyPage(() => import('./console/InboxPage').then((m) => m.InboxPage), STAFF);
const RegisterPage = lazyPage(() => import('./console/RegisterPage').then((m) => m.RegisterPage), STAFF);
const CasePage = lazyPage(() => import('./console/CasePage').then((m) => m.CasePage), STAFF);
const FilePage = lazyPage(() => import('./public/FilePage').then((m) => m.FilePage));
const TicketPage = lazyPage(() => import('./public/TicketPage').then((m) => m.TicketPage));
const ComparePage = lazyPage(() => import('./compare/ComparePage').then((m) => m.ComparePage), STAFF);
const AccountsPage = lazyPage(() => import('./admin/AccountsPage').then((m) => m.AccountsPage), STAFF);
const NewSopPage = lazyPage(() => import('./new-sop/NewSopPage').then((m) => m.NewSopPage), STAFF);
const AuditPage = lazyPage(() => import('./admin/AuditPage').then((m) => m.AuditPage), STAFF);
const KartuPrintPage = lazyPage(() => import('./console/KartuPrintPage').then((m) => m.KartuPrintPage), STAFF);
const ReplyTemplatesPage = lazyPage(() => import('./admin/ReplyTemplatesPage').then((m) => m.ReplyTemplatesPage), STAFF);
const WebhooksPage = lazyPage(() => import('./admin/WebhooksPage').then((m) => m.WebhooksPage), STAFF);
const HolidaysPage = lazyPage(() => import('./holidays/HolidaysPage').then((m) => m.HolidaysPage), STAFF);
const ReportsPage = lazyPage(() => import('./reports/ReportsPage').then((m) => m.ReportsPage), STAFF);
const ProposalsPage = lazyPage(() => import('./approval/ProposalsPage').then((m) => m.ProposalsPage), STAFF);
const NationalReportPage = lazyPage(() => import('./reports/NationalReportPage').then((m) => m.NationalReportPage), STAFF);

/** Every page loaded on demand, by name (page-messages.spec.ts loads each through its own loader). */
export const LAZY_PAGES = {
  SopPage,
  PrintPage,
  EditSopPage,
  SimulateSopPage,
  LoginPage,
  InboxPage,
  RegisterPage,
  CasePage,
  FilePage,
  TicketPage,
  ComparePage,
  AccountsPage,
  NewSopPage,
  AuditPage,
  KartuPrintPage,
  ReplyTemplatesPage,
  WebhooksPage,
  HolidaysPage,
  ReportsPage,
  ProposalsPage,
  NationalReportPage,
};

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
