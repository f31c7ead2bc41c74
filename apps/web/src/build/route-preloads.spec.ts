import { pagePreloads, type Bundle } from './route-preloads';

const chunk = (fileName: string, imports: string[], opts: { entry?: boolean; facade?: string; css?: string[] } = {}) => ({
  type: 'chunk' as const,
  fileName,
  isEntry: opts.entry ?? false,
  facadeModuleId: opts.facade ?? null,
  imports,
  viteMetadata: { importedCss: new Set(opts.css ?? []) },
});

// an entry with a shared chunk it loads itself; the editor's page with its own deps, one of them shared
const bundle: Bundle = {
  'assets/index-1.js': chunk('assets/index-1.js', ['assets/react-2.js'], { entry: true, css: ['assets/index-1.css'] }),
  'assets/react-2.js': chunk('assets/react-2.js', []),
  'assets/EditSopPage-3.js': chunk('assets/EditSopPage-3.js', ['assets/react-2.js', 'assets/yaml-4.js'], {
    facade: '/work/apps/web/src/pages/EditSopPage.tsx',
    css: ['assets/EditSopPage-3.css', 'assets/index-1.css'],
  }),
  'assets/yaml-4.js': chunk('assets/yaml-4.js', ['assets/deep-5.js'], { css: ['assets/yaml-4.css'] }),
  'assets/deep-5.js': chunk('assets/deep-5.js', []),
  'assets/Other-6.js': chunk('assets/Other-6.js', ['assets/react-2.js'], { facade: '/work/apps/web/src/pages/Other.tsx' }),
  'assets/logo.svg': { type: 'asset', fileName: 'assets/logo.svg' },
};

describe('pagePreloads: what a lazily loaded page needs beyond the entry', () => {
  it('names the page chunk first, then what it imports transitively, then its CSS, leaving out what the entry loads', () => {
    expect(pagePreloads(bundle, '/src/pages/EditSopPage.tsx')).toEqual([
      '/assets/EditSopPage-3.js',
      '/assets/yaml-4.js',
      '/assets/deep-5.js',
      '/assets/EditSopPage-3.css',
      '/assets/yaml-4.css',
    ]);
  });

  it('leaves out other pages, and finds nothing for a page the bundle lacks', () => {
    expect(pagePreloads(bundle, '/src/pages/EditSopPage.tsx').some((f) => f.includes('Other'))).toBe(false);
    expect(pagePreloads(bundle, '/src/pages/Missing.tsx')).toEqual([]);
  });

  it('adds the modules the page loads beside its code (its words) and what they import, the page still first', () => {
    const withWords: Bundle = {
      ...bundle,
      'assets/staff-messages-7.js': chunk('assets/staff-messages-7.js', ['assets/deep-5.js', 'assets/react-2.js'], {
        facade: '/work/apps/web/src/staff-messages.ts',
      }),
    };
    expect(pagePreloads(withWords, '/src/pages/EditSopPage.tsx', '/', ['/src/staff-messages.ts']).filter((f) => f.endsWith('.js'))).toEqual([
      '/assets/EditSopPage-3.js',
      '/assets/staff-messages-7.js',
      '/assets/deep-5.js',
      '/assets/yaml-4.js',
    ]);
    // a module the build lacks fails as a missing page does
    expect(pagePreloads(bundle, '/src/pages/EditSopPage.tsx', '/', ['/src/staff-messages.ts'])).toEqual([]);
  });

  it('reads Windows paths and a base other than /', () => {
    const windows: Bundle = {
      ...bundle,
      'assets/EditSopPage-3.js': { ...bundle['assets/EditSopPage-3.js'], facadeModuleId: 'C:\\w\\src\\pages\\EditSopPage.tsx' } as Bundle[string],
    };
    expect(pagePreloads(windows, '/src/pages/EditSopPage.tsx', '/app/')[0]).toBe('/app/assets/EditSopPage-3.js');
  });
});
