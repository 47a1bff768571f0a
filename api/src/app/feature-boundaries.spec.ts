import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The feature-boundary rule in eslint.config.mjs (boundaries/dependencies): an API feature is imported from outside
 * only through its index.ts. Runs ESLint's Node API on small sources placed (in memory) inside api/src with the
 * repository's own flat config. ESLint loads that config with import(), which jest's CommonJS runtime cannot do, so
 * the linting happens in a child Node process that prints the boundary messages as JSON.
 */
const ROOT = join(__dirname, '..', '..', '..');

interface Probe {
  filePath: string;
  code: string;
}

const MARK = 'BOUNDARY-MESSAGES ';
const LINT = `
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const MARK = ${JSON.stringify(MARK)};
const probes = JSON.parse(process.argv[1]);
// The probes exist in memory only, so no tsconfig program holds them: the type-aware rules are off for them (the
// boundary rule reads imports, not types).
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });
const out = [];
for (const probe of probes) {
  const [result] = await eslint.lintText(probe.code, { filePath: probe.filePath });
  out.push(result.messages.filter((m) => m.ruleId === 'boundaries/dependencies' || m.fatal).map((m) => m.ruleId + ': ' + m.message));
}
// @nx/enforce-module-boundaries prints a warning on stdout when no project graph is cached: mark our line.
process.stdout.write('\\n' + MARK + JSON.stringify(out) + '\\n');
`;

function boundaryMessages(probes: Probe[]): string[][] {
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', LINT, JSON.stringify(probes)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  if (!line) throw new Error(`ESLint printed no result:\n${stdout}`);
  return JSON.parse(line.slice(MARK.length)) as string[][];
}

describe('API feature boundaries (lint)', () => {
  // One ESLint process for every case: loading the config takes seconds.
  let messages: string[][];
  const probes: Probe[] = [
    // 0: another feature's internal file
    {
      filePath: 'api/src/today/boundary-probe.ts',
      code: "import { SchedulingRepository } from '../sessions/scheduling/scheduling.repository';\nexport const x = SchedulingRepository;\n",
    },
    // 1: the same through the feature's index
    { filePath: 'api/src/today/boundary-probe.ts', code: "import { SchedulingRepository } from '../sessions';\nexport const x = SchedulingRepository;\n" },
    // 2: from a feature's subfolder, deep into another feature
    {
      filePath: 'api/src/people/dto/boundary-probe.ts',
      code: "import { visibilityFor } from '../../organisation/visibility';\nexport const x = visibilityFor;\n",
    },
    // 3: a feature's own internals
    {
      filePath: 'api/src/sessions/boundary-probe.ts',
      code: "import { SchedulingRepository } from './scheduling/scheduling.repository';\nexport const x = SchedulingRepository;\n",
    },
    // 4: shared folders may be imported deeply
    {
      filePath: 'api/src/today/boundary-probe.ts',
      code: "import { Db } from '../database/db';\nimport { notFound } from '../common/http-errors';\nexport const x = [Db, notFound];\n",
    },
    // 5: a re-export reaches into the feature as much as an import
    { filePath: 'api/src/today/boundary-probe.ts', code: "export { SchedulingRepository } from '../sessions/scheduling/scheduling.repository';\n" },
    // 6: the app composition root uses the index too
    { filePath: 'api/src/app/boundary-probe.ts', code: "import { SessionsModule } from '../sessions/sessions.module';\nexport const x = SessionsModule;\n" },
  ];

  beforeAll(() => {
    messages = boundaryMessages(probes);
  }, 120_000);

  it('fails a deep import of another feature, naming the feature and its index', () => {
    expect(messages[0]).toHaveLength(1);
    expect(messages[0][0]).toMatch(/^boundaries\/dependencies: The API feature 'sessions' is private.*index\.ts.*scheduling\/scheduling\.repository\.ts/);
    expect(messages[2]).toHaveLength(1);
    expect(messages[2][0]).toContain("'organisation'");
    expect(messages[5]).toHaveLength(1);
    expect(messages[6]).toHaveLength(1);
  });

  it('accepts an import through the index, a feature’s own files and the shared folders', () => {
    expect(messages[1]).toEqual([]);
    expect(messages[3]).toEqual([]);
    expect(messages[4]).toEqual([]);
  });
});
