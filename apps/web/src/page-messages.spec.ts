import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { staffMessages } from './staff-messages';
import { allMessages } from './test-messages';

type I18nModule = typeof import('./i18n');
type AppModule = typeof import('./App');
type LazyPageModule = typeof import('./lazy-page');
interface Fresh {
  app: AppModule;
  i18n: I18nModule;
  lazy: LazyPageModule;
  react: typeof import('react');
  server: typeof import('react-dom/server');
}

const SRC = __dirname;
const ALL = allMessages();
const KEYS = Object.keys(ALL.id);

// The files that define words: their keys are not uses of them.
const WORD_FILES = new Set(
  [...readFileSync(join(SRC, 'staff-messages.ts'), 'utf8').matchAll(/from '(\.[^']+)'/g)]
    .map((m) => resolveModule(join(SRC, 'staff-messages.ts'), m[1]))
    .concat(['i18n.tsx', 'staff-messages.ts', 'test-messages.ts', 'public/messages.ts', 'validity/messages.ts'].map((f) => join(SRC, f))),
);

function resolveModule(from: string, spec: string): string {
  const base = resolve(dirname(from), spec);
  const file = ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => existsSync(f));
  if (!file) throw new Error(`${relative(SRC, from)}: cannot resolve ${spec}`);
  return file;
}

/**
 * The app's own modules a module brings, statically or on demand (`import('./x')`), transitively;
 * type-only imports bring nothing. Read from the sources, as the bundler does.
 */
function moduleGraph(start: string, onDemand = true): string[] {
  const seen = new Set<string>();
  const queue = [join(SRC, start)];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specs = [
      ...[...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\bfrom\s+)?'(\.[^']+)'/gm)].map((m) => m[1]),
      ...(onDemand ? [...text.matchAll(/\bimport\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1]) : []),
    ];
    for (const spec of specs) if (!/\.(css|svg|json)$/.test(spec)) queue.push(resolveModule(file, spec));
  }
  return [...seen];
}

/**
 * The message keys a set of modules names: every quoted string that is a key, and every key a
 * template of the form `prefix${…}` may make (`webhookEvent_${e}`). It may name more than a
 * module shows, never less: a key only ever reaches `t` written in full or built that way.
 */
function keysNamedBy(files: string[]): Map<string, string> {
  const named = new Map<string, string>();
  for (const file of files) {
    if (WORD_FILES.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    for (const [, key] of text.matchAll(/['"]([A-Za-z_]\w*)['"]/g)) if (key in ALL.id) named.set(key, where);
    for (const [, prefix] of text.matchAll(/`([A-Za-z_]\w{3,})\$\{/g))
      for (const key of KEYS) if (key.startsWith(prefix)) named.set(key, `${where} (\`${prefix}\${…}\`)`);
  }
  return named;
}

/** The keys among `named` that `messages` lacks in either language, each with a module naming it. */
function missing(messages: I18nModule['MESSAGES'], named: Map<string, string>): string[] {
  return [...named]
    .filter(([key]) => !(key in messages.id) || !(key in messages.en))
    .map(([key, where]) => `${key} (${where})`)
    .sort();
}

/** A fresh copy of the app's modules, with only the core words loaded, as in a browser on arrival. */
async function freshApp(): Promise<Fresh> {
  let loaded: Fresh | undefined;
  // eslint-disable-next-line @typescript-eslint/require-await
  await jest.isolateModulesAsync(async () => {
    loaded = {
      app: jest.requireActual('./App'),
      i18n: jest.requireActual('./i18n'),
      lazy: jest.requireActual('./lazy-page'),
      // the copy of React those modules use, to render them
      react: jest.requireActual('react'),
      server: jest.requireActual('react-dom/server'),
    };
  });
  return loaded!;
}

// the pages loaded on demand and their modules, as App.tsx writes them: `const X = lazyPage(() => import('./m')…`
const APP_SOURCE = readFileSync(join(SRC, 'App.tsx'), 'utf8');
const PAGES = [...APP_SOURCE.matchAll(/^const (\w+) = lazyPage\(\(\) => import\('(\.[^']+)'\)/gm)].map(([, name, spec]) => ({
  name,
  module: relative(SRC, resolveModule(join(SRC, 'App.tsx'), spec)),
}));

describe("each page's words are loaded before it renders", () => {
  it('finds the pages of App.tsx, each of them in LAZY_PAGES', async () => {
    const { app } = await freshApp();
    expect(PAGES.length).toBeGreaterThan(15);
    expect(PAGES.map((p) => p.name).sort()).toEqual(Object.keys(app.LAZY_PAGES).sort());
  });

  it('gives the app in the first chunk (shell, list, not-found page, field checks) only core words', async () => {
    const { i18n } = await freshApp();
    // main.tsx's static graph: the pages loaded on demand are checked each with its loader below
    const pageModules = new Set(PAGES.map((p) => join(SRC, p.module)));
    const files = moduleGraph('main.tsx', false);
    expect(files.filter((f) => pageModules.has(f))).toEqual([]);
    expect(files.map((f) => relative(SRC, f))).toEqual(expect.arrayContaining(['components/Shell.tsx', 'pages/SopListPage.tsx', 'components/NotFound.tsx']));
    expect(missing(i18n.MESSAGES, keysNamedBy(files))).toEqual([]);
  });

  it.each(PAGES)('$name: its loader brings every word its modules name, in both languages', async ({ name, module }) => {
    const { app, i18n } = await freshApp();
    const named = keysNamedBy(moduleGraph(module));
    expect(named.size).toBeGreaterThan(0);
    await app.LAZY_PAGES[name as keyof AppModule['LAZY_PAGES']].preload();
    expect(missing(i18n.MESSAGES, named)).toEqual([]);
  });

  it("leaves the staff pages' words out of the citizen's form and ticket page", async () => {
    const { app, i18n } = await freshApp();
    await Promise.all([app.LAZY_PAGES.FilePage.preload(), app.LAZY_PAGES.TicketPage.preload()]);
    expect(Object.keys(staffMessages.id).filter((key) => key in i18n.MESSAGES.id)).toEqual([]);
  });

  it('renders a page only once its words are there, even when its code came first', async () => {
    const { i18n, lazy, react, server } = await freshApp();
    const { createElement } = react;
    const { renderToString } = server;
    // the page's code is there at once; the group of words takes the few turns of an import
    const seen: string[] = [];
    function Probe() {
      const words = i18n.MESSAGES.id.simTitle as string | undefined; // typed whole, loaded or not
      seen.push(words ?? 'missing');
      return createElement('p', null, i18n.MESSAGES.id.simTitle);
    }
    const Page = lazy.lazyPage(() => Promise.resolve(Probe), ['staff']);
    expect(renderToString(createElement(Page))).toBe('<div class="page" aria-busy="true"></div>');
    await Page.preload();
    expect(renderToString(createElement(Page))).toBe(`<p>${ALL.id.simTitle}</p>`);
    expect(seen).toEqual([ALL.id.simTitle]);
  });
});

describe('loadMessages', () => {
  it('registers a group in both languages, loading it once', async () => {
    const { i18n } = await freshApp();
    expect('simTitle' in i18n.MESSAGES.en).toBe(false);
    await Promise.all([i18n.loadMessages('staff'), i18n.loadMessages('staff')]);
    expect(i18n.MESSAGES.en.simTitle).toBe(ALL.en.simTitle);
    expect(i18n.MESSAGES.id.simTitle).toBe(ALL.id.simTitle);
  });
});
