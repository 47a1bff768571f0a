import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', 'tmp', '.data', 'bench/results'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
    },
  },
  {
    // API feature boundaries. Every folder under api/src is a feature (sessions, people, checks, …) whose files are
    // private to it: another feature imports it only through its public index.ts ('../sessions', never
    // '../sessions/sessions.repository'), so a feature can reorganise its internals without breaking others, and
    // what it offers is written down in one place. Imports inside a feature are not checked.
    //
    // Shared folders are infrastructure every feature builds on, so anyone may import their files directly:
    // common (HTTP errors, DTO validation, messages, domain events), database (Db, transactions, the audit trail's writer
    // AuditService, and SQL vocabulary several features share such as participation.sql.ts and staff.sql.ts), config,
    // test-support (fixtures, the test app) and app (bootstrap). They are listed first: the first matching element wins.
    //
    // Features must not import each other in a cycle either: a feature's index loads its module, controllers and
    // services, so two features importing each other's index can leave a class undefined while Nest reads its
    // decorators. The feature graph is acyclic today (AuditService lives in database/ for that reason: auth writes
    // the audit trail and the audit log's controller uses auth's decorators).
    //
    // The rule applies to imports from features and from the shared folders alike (app wires features through their
    // index files too), except from database: its entity registry (entities.ts) lists each feature's entity files and
    // its schema set-up needs the job queue's schema, and both load outside Nest (migrations, the data source) where
    // pulling in whole features through their index files would also close import cycles with database/db.ts.
    files: ['api/src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.js'] } },
      // Re-exports, dynamic import() and require() reach into a feature as much as import does.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'boundaries/elements': [
        { type: 'api-database', pattern: 'api/src/database' },
        { type: 'api-shared', pattern: 'api/src/(common|config|test-support|app)' },
        { type: 'api-feature', pattern: 'api/src/*', capture: ['feature'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: '!api-database' } },
              disallow: { to: { element: { type: 'api-feature', fileInternalPath: '!index.ts' } } },
              message:
                "The API feature '{{to.element.captured.feature}}' is private to itself: import it through its index.ts (the folder, e.g. '../{{to.element.captured.feature}}'), not {{to.element.fileInternalPath}}, and export what is needed from that index.",
            },
          ],
        },
      ],
    },
  },
  {
    // Web features reach the API only through core/api-client.ts, whose calls take their path, body, query and answer
    // types from the endpoint table (libs/contracts/src/endpoints.ts): a feature holding HttpClient (or fetch) could
    // pair a URL with a response type by hand again, and that pairing drifts from the API unnoticed.
    files: ['web/src/**/*.ts'],
    ignores: ['web/src/app/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@angular/common/http',
              importNames: ['HttpClient', 'HttpBackend', 'HttpHandler', 'HttpXhrBackend', 'FetchBackend', 'HttpRequest'],
              message: 'Call the API through ApiClient (core/api-client.ts), typed from the endpoint table; add a missing route to libs/contracts/src/endpoints.ts.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Call the API through ApiClient (core/api-client.ts), typed from the endpoint table.' },
        { name: 'XMLHttpRequest', message: 'Call the API through ApiClient (core/api-client.ts), typed from the endpoint table.' },
      ],
    },
  },
  {
    // Shared libs stay framework-free: contracts and pure logic used by both API and web.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'express', 'rxjs'] },
      ],
    },
  },
];
