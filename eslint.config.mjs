import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import angular from 'angular-eslint';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';

export default defineConfig([
  { ignores: ['**/dist', '**/node_modules', '**/.angular', '**/.nx', 'tmp', '.data', 'bench/results'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware rules: each file is checked with the program of its nearest tsconfig.json (api, migrations, each lib,
    // e2e, web). typescript-eslint's whole recommendedTypeChecked set is more than the code base can adopt at once;
    // these are the rules that catch real bugs: a promise nobody awaits (its rejection is lost), a promise where a
    // boolean or a void callback is expected, and `any` spreading from an untyped value into typed code.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
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
    // '../sessions/scheduling/scheduling.repository'), so a feature can reorganise its internals without breaking others, and
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
    // index files too), except from database: its entity registry (entities.ts) lists the features' entity files and
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
              message:
                'Call the API through ApiClient (core/api-client.ts), typed from the endpoint table; add a missing route to libs/contracts/src/endpoints.ts.',
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
    // Tests keep the promise rules but not the no-unsafe-* ones: the values they inspect are `any` by their libraries'
    // types (supertest's response body, pg's rows, Nest's getHttpServer(), jest's asymmetric matchers such as
    // expect.any(String)), so these rules would flag nearly every assertion rather than a mistake.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'api/src/test-support/**', 'e2e/**', 'web/src/app/testing/**', 'web/src/test-setup.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // Node loads this jest config itself as an ES module; web/tsconfig.spec.json is the program that type-checks it.
    files: ['e2e/web/jest.config.ts'],
    languageOptions: { parserOptions: { projectService: false, project: 'web/tsconfig.spec.json' } },
  },
  {
    files: ['web/src/**/*.ts'],
    extends: [...angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      // Angular 22 made OnPush the default; its migration pinned every existing component to Eager (the old Default) to
      // keep their behaviour, and moving each to OnPush means checking it reads only signals. New components get OnPush.
      '@angular-eslint/prefer-on-push-component-change-detection': 'off',
    },
  },
  {
    files: ['web/src/**/*.html'],
    extends: [...angular.configs.templateRecommended, ...angular.configs.templateAccessibility],
  },
  {
    // Shared libs stay framework-free: contracts and pure logic used by both API and web.
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'express', 'rxjs'] }],
    },
  },
  // Last: turns off the stylistic rules that Prettier's formatting decides.
  prettier,
]);
