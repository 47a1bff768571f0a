import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import * as ts from 'typescript';

/**
 * Features import each other only through their index.ts (eslint.config.mjs, boundaries/dependencies), and an index
 * loads its module, controllers and services. Two features importing each other, even indirectly, would then form a
 * load cycle in which one side's classes can still be undefined while Nest reads the other side's decorators
 * (constructor parameter types, @Module imports): the app then fails to start with a misleading "can't resolve
 * dependencies" error, and only for some entry points. So the graph of features must stay acyclic. Type-only imports
 * are erased by TypeScript and do not count; tests are not loaded by the app and do not count either.
 */
const SRC = join(__dirname, '..');
const SHARED = new Set(['common', 'database', 'config', 'test-support', 'app']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The feature a file (or, for an import of a folder, that folder's index) belongs to; null for shared folders. */
function featureOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  if (parts[0] === '..' || SHARED.has(parts[0])) return null;
  return parts.length > 1 || isFolder(path) ? parts[0] : null;
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** feature → features it imports values from. */
function featureGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = featureOf(file);
    if (!from) continue;
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (clause?.isTypeOnly) continue;
        const named = clause?.namedBindings;
        if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)) continue;
      } else if (statement.isTypeOnly) continue;
      const to = featureOf(resolve(dirname(file), specifier.text));
      if (to && to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('API features import each other without cycles', () => {
  let graph: Map<string, Set<string>>;
  beforeAll(() => {
    graph = featureGraph();
  });

  it('finds the features and their imports', () => {
    // A sanity check that the scan sees real edges, so an empty graph cannot pass for an acyclic one.
    expect([...(graph.get('today') ?? [])]).toEqual(expect.arrayContaining(['sessions', 'checks', 'auth']));
  });

  it('has no cycle between features', () => {
    expect(findCycle(graph)).toBeNull();
  });

  it('would report a cycle', () => {
    const cyclic = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(findCycle(cyclic)).toEqual(['a', 'b', 'c', 'a']);
  });
});
