/** Layer rules (see DESIGN): rules and facts are pure; nothing may form a cycle. */
module.exports = {
  forbidden: [
    {
      name: 'rules-is-pure',
      comment: 'src/rules may import only itself and src/facts-free libraries: it is the pure engine.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^src/', pathNot: '^src/rules/' },
    },
    {
      name: 'facts-is-pure',
      comment: 'src/facts is the fact catalog and code tables: it imports nothing else in src/.',
      severity: 'error',
      from: { path: '^src/facts/' },
      to: { path: '^src/', pathNot: '^src/facts/' },
    },
    {
      name: 'platform-below-domains',
      comment: 'src/platform (database, server, audit) serves the business areas; it imports none of them.',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/', pathNot: '^src/(platform|facts|rules)/' },
    },
    {
      name: 'server-on-top',
      comment: 'src/server assembles every module into the application; only the command line starts it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli|server)/|\\.test\\.ts$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'web-talks-http',
      comment:
        'The web app reaches the platform over HTTP; from src/ it may borrow only the types of the engine and the fact catalog.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '^src/(rules/types|facts/catalog)\\.ts$' },
    },
    {
      name: 'web-types-only',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-on-top',
      comment: 'Nothing below the command line may import it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
