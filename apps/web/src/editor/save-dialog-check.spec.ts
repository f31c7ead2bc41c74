// the dialog's preview pulls in a style sheet, which jest does not read
jest.mock('../approval/ProposalPreview', () => ({ ProposalPreview: () => null }));
// the dialog rendered on the server (no DOM here): the page's words, and an author signed in
jest.mock('../i18n', () => {
  const actual = jest.requireActual<typeof import('../i18n')>('../i18n');
  const say = (key: string, p?: Record<string, string | number>) => {
    // read when first worded: test-messages imports this very module
    const { allMessages } = jest.requireActual<typeof import('../test-messages')>('../test-messages');
    return actual.format(allMessages().id[key as keyof ReturnType<typeof allMessages>['id']], p, 'id');
  };
  return { ...actual, useI18n: () => ({ lang: 'id', setLang: () => undefined, t: say }) };
});
jest.mock('../session', () => ({
  useSession: () => ({
    session: { token: 't', user: { username: 'admin', regency: '*', lanes: [], permissions: ['admin'] } },
    login: jest.fn(),
    logout: jest.fn(),
  }),
}));

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ShownIssue } from './editor-model';
import { publishCheck, SaveDialog } from './SaveDialog';

const issue = (severity: 'error' | 'warning', message: string): ShownIssue =>
  ({ severity, message, code: 'x', line: 112, column: 12, pointer: '', element: { type: 'document' } }) as unknown as ShownIssue;

const render = (issues: ShownIssue[], checking = false) =>
  renderToStaticMarkup(
    createElement(SaveDialog, { sopId: 'sleman', yaml: 'x', basedOnVersion: 0, issues, checking, onSaved: () => undefined, onClose: () => undefined }),
  );

describe('the publish dialog', () => {
  it('counts the warnings before the author confirms, with a way to read them', () => {
    const warnings = [issue('warning', 'Waktu "sesuai kebutuhan" tidak terbaca sebagai lama waktu'), issue('warning', 'Lajur tanpa langkah')];
    expect(publishCheck(warnings)).toEqual({ errors: 0, warnings: 2 });
    const html = render(warnings);
    expect(html).toContain('2 peringatan: SOP tetap dapat diterbitkan');
    expect(html).toContain('data-testid="save-check-details"');
    expect(html).toContain('Waktu &quot;sesuai kebutuhan&quot; tidak terbaca');
    expect(render([])).toContain('tidak ada kesalahan atau peringatan');
    expect(render([issue('error', 'x')])).toContain('1 kesalahan: SOP tidak dapat diterbitkan sebelum diperbaiki.');
    expect(render(warnings, true)).toContain('SOP masih diperiksa');
  });

  it('holds no log-out control (trial 2: "Masuk sebagai admin [Keluar]" inside the dialog), only who publishes', () => {
    const html = render([]);
    expect(html).not.toContain('save-logout');
    expect(html).not.toContain('>Keluar<');
    expect(html).toContain('Diterbitkan atas nama admin.');
  });
});
