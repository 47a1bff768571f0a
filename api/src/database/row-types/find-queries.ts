import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Finds the SQL queries of repository files with the TypeScript compiler: each call of `….query(sql, params)` (TypeORM's
 * `EntityManager.query`, or a repository's own wrapper that hands its `sql` parameter on to one), the SQL
 * it sends when that is known from the source alone, and the row type the code declares for its result.
 */

/** What JavaScript value node-pg hands back for a column, or what a TypeScript property accepts. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'Date' | 'Buffer' | 'object' | 'any' | { array: ValueKind[] };

export interface RowProperty {
  name: string;
  /** The kinds of value the property's type accepts (null and undefined left out). */
  kinds: ValueKind[];
}

/** The type the code gives the awaited result of a query. */
export type DeclaredResult =
  /** An array of rows; `properties` is null when the row is `unknown`/`any` (only the shape can be checked). */
  | { shape: 'rows'; typeText: string; properties: RowProperty[] | null }
  /** `[rows, affected]`, what TypeORM returns for UPDATE and DELETE. */
  | { shape: 'rows-and-count'; typeText: string; properties: RowProperty[] | null }
  /** Neither an array nor that pair (a row type where an array belongs). */
  | { shape: 'other'; typeText: string };

export interface FoundQuery {
  /** `path:line` relative to the repository root. */
  location: string;
  /** Every SQL text the call can send (more than one when the source chooses between texts), or why it is not known. */
  sql: { texts: string[] } | { unknown: string };
  /** Null when the code declares no type for the result (it is `any` or `unknown`, or not used). */
  declared: DeclaredResult | null;
  /** The result is used (assigned, returned, passed on), not just awaited. */
  resultUsed: boolean;
}

/** More variants than this (conditions multiply) and the SQL counts as unknown. */
const MAX_VARIANTS = 64;

/** A TypeScript program over `files` with the API's compiler options (imports are followed, nothing is emitted). */
export function createProgram(repositoryRoot: string, files: string[]): ts.Program {
  const configPath = path.join(repositoryRoot, 'api/tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!parsed) throw new Error(`Cannot read ${configPath}`);
  return ts.createProgram({ rootNames: files, options: { ...parsed.options, noEmit: true } });
}

/** Every query call in `files` (which must be among the program's files). */
export function findQueries(program: ts.Program, files: string[], repositoryRoot: string): FoundQuery[] {
  const checker = program.getTypeChecker();
  const sources = files.map((file) => {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    return source;
  });
  const wrappers = findWrappers(sources);
  const found: FoundQuery[] = [];
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const sqlIndex = sqlArgumentIndex(node, checker, wrappers);
        const sqlArgument = sqlIndex === null ? undefined : node.arguments[sqlIndex];
        if (sqlArgument && !isPassedOn(sqlArgument, checker, wrappers)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          const resultUsed = isResultUsed(node);
          found.push({
            location: `${path.relative(repositoryRoot, source.fileName)}:${line + 1}`,
            sql: evaluateSql(sqlArgument, checker),
            // A result nobody reads declares nothing (a wrapper's `Promise<T[]>` around an UPDATE, say).
            declared: resultUsed ? declaredResult(node, checker) : null,
            resultUsed,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

type Wrappers = Map<ts.Node, number>;

/** Functions and methods that take the SQL as a parameter named `sql` and hand it on to a `.query(sql, …)`. */
function findWrappers(sources: ts.SourceFile[]): Wrappers {
  const wrappers: Wrappers = new Map();
  for (const source of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const index = node.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === 'sql');
        if (index >= 0 && handsOnSql(node.body)) wrappers.set(node, index);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return wrappers;
}

function handsOnSql(body: ts.Node): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'query' &&
      node.arguments[0] &&
      ts.isIdentifier(node.arguments[0]) &&
      node.arguments[0].text === 'sql'
    ) {
      found = true;
    }
    if (!found) ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** Where the SQL is among the call's arguments, or null when the call is no query. */
function sqlArgumentIndex(call: ts.CallExpression, checker: ts.TypeChecker, wrappers: Wrappers): number | null {
  const declaration = checker.getResolvedSignature(call)?.getDeclaration();
  if (declaration && wrappers.has(declaration)) return wrappers.get(declaration) ?? null;
  if (ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === 'query' && call.arguments.length > 0) return 0;
  return null;
}

/** A wrapper's own call, whose SQL is its `sql` parameter: its callers are the queries. */
function isPassedOn(argument: ts.Expression, checker: ts.TypeChecker, wrappers: Wrappers): boolean {
  if (!ts.isIdentifier(argument)) return false;
  const declaration = checker.getSymbolAtLocation(argument)?.valueDeclaration;
  return !!declaration && ts.isParameter(declaration) && wrappers.has(declaration.parent);
}

function isResultUsed(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  return !ts.isExpressionStatement(node.parent);
}

// ---------------------------------------------------------------------------------------------------------------
// The declared result type

function declaredResult(call: ts.CallExpression, checker: ts.TypeChecker): DeclaredResult | null {
  const signature = checker.getResolvedSignature(call);
  let type: ts.Type | undefined = signature ? checker.getAwaitedType(signature.getReturnType()) : undefined;
  if (!type || isAnyOrVoid(type)) type = contextualResultType(call, checker);
  if (!type || isAnyOrVoid(type)) return null;
  const typeText = checker.typeToString(type);
  if (checker.isTupleType(type)) {
    const [rows, count] = checker.getTypeArguments(type as ts.TypeReference);
    if (rows && count && (checker.isArrayType(rows) || isAnyOrUnknown(rows)) && kindsOf(count, checker).includes('number')) {
      return { shape: 'rows-and-count', typeText, properties: rowProperties(arrayElement(rows, checker), call, checker) };
    }
    return { shape: 'other', typeText };
  }
  if (checker.isArrayType(type)) return { shape: 'rows', typeText, properties: rowProperties(arrayElement(type, checker), call, checker) };
  return { shape: 'other', typeText };
}

/** The type the surroundings give an untyped (`any`) result: a variable's annotation, an assertion, or a return type. */
function contextualResultType(call: ts.CallExpression, checker: ts.TypeChecker): ts.Type | undefined {
  let node: ts.Node = call;
  while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.type) return checker.getTypeFromTypeNode(parent.type);
  if ((ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) && parent.type) return checker.getTypeFromTypeNode(parent.type);
  const isReturned = ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node);
  if (!isReturned) return undefined;
  const fn = ts.findAncestor(parent, ts.isFunctionLike);
  const signature = fn ? checker.getSignatureFromDeclaration(fn) : undefined;
  return signature ? checker.getAwaitedType(signature.getReturnType()) : undefined;
}

function arrayElement(type: ts.Type, checker: ts.TypeChecker): ts.Type {
  return isAnyOrUnknown(type) ? type : (checker.getTypeArguments(type as ts.TypeReference)[0] ?? type);
}

function rowProperties(row: ts.Type, at: ts.Node, checker: ts.TypeChecker): RowProperty[] | null {
  // An index signature (`Record<string, number>`) names no columns: only the shape can be checked.
  if (isAnyOrUnknown(row) || checker.getIndexInfosOfType(row).length > 0) return null;
  return checker.getPropertiesOfType(checker.getApparentType(row)).map((property) => ({
    name: property.name,
    kinds: kindsOf(checker.getTypeOfSymbolAtLocation(property, at), checker),
  }));
}

function isAnyOrUnknown(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0;
}

/** No type worth checking: `any`, `unknown`, nothing. */
function isAnyOrVoid(type: ts.Type): boolean {
  return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) !== 0;
}

/** The kinds of value a type accepts; `any` for anything not told apart (unknown, type parameters, …). */
export function kindsOf(type: ts.Type, checker: ts.TypeChecker): ValueKind[] {
  const kinds: ValueKind[] = [];
  const add = (kind: ValueKind) => {
    if (typeof kind !== 'string' || !kinds.includes(kind)) kinds.push(kind);
  };
  // An intersection (a branded `string & { brand }`) is taken to accept what any of its parts accepts.
  const members = type.isUnionOrIntersection() ? type.types : [type];
  for (const member of members) {
    if (member.isIntersection()) {
      kindsOf(member, checker).forEach(add);
      continue;
    }
    const flags = member.flags;
    if (flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) continue;
    if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) add('any');
    else if (flags & ts.TypeFlags.StringLike) add('string');
    else if (flags & ts.TypeFlags.NumberLike) add('number');
    else if (flags & ts.TypeFlags.BooleanLike) add('boolean');
    else if (checker.isArrayType(member) || checker.isTupleType(member)) {
      const elements = checker.getTypeArguments(member as ts.TypeReference);
      add({ array: elements.length ? elements.flatMap((element) => kindsOf(element, checker)) : ['any'] });
    } else if (member.getSymbol()?.name === 'Date') add('Date');
    else if (member.getSymbol()?.name === 'Buffer') add('Buffer');
    else add('object');
  }
  return kinds;
}

// The SQL text

class NotStatic extends Error {}

/** Thrown when an expression picks one of several objects at run time: the evaluation is repeated for each of them. */
class Choice extends Error {
  constructor(
    readonly declaration: ts.Node,
    readonly options: ts.ObjectLiteralExpression[],
  ) {
    super('choice');
  }
}

/** Parameters bound while evaluating a call of an SQL-building function: their possible values. */
type Bindings = Map<ts.Symbol, string[]>;

/**
 * The texts an SQL argument can have, found from the source alone: literals, templates and `+`, constants (followed
 * through imports), string literal types (enums, unions of literals: one text per member), both branches of a
 * condition, `const [a, b] = c ? [...] : [...]`, a property of an object picked from an object literal (`{…}[key].p`,
 * one text per object, the same object throughout the statement), `.replace` with a literal pattern, calls of
 * functions whose body returns such an expression (their arguments bound to the parameters), and the parameters of
 * private methods (the union over their callers' arguments).
 */
export function evaluateSql(expression: ts.Expression, checker: ts.TypeChecker): FoundQuery['sql'] {
  try {
    const texts = new SqlEvaluator(checker, new Map()).all(expression);
    return { texts: [...new Set(texts)] };
  } catch (error) {
    if (error instanceof NotStatic) return { unknown: error.message };
    throw error;
  }
}

class SqlEvaluator {
  private readonly active = new Set<ts.Node>();

  constructor(
    private readonly checker: ts.TypeChecker,
    /** The object chosen for each object-picking declaration met so far. */
    private readonly chosen: Map<ts.Node, ts.ObjectLiteralExpression>,
  ) {}

  /** Every text, over every choice of object the expression depends on. */
  all(expression: ts.Expression): string[] {
    try {
      return this.evaluate(expression, new Map());
    } catch (error) {
      if (!(error instanceof Choice)) throw error;
      const texts = error.options.flatMap((option) => new SqlEvaluator(this.checker, new Map([...this.chosen, [error.declaration, option]])).all(expression));
      if (texts.length > MAX_VARIANTS) throw new NotStatic(`more than ${MAX_VARIANTS} variants at \`${shortText(expression)}\``);
      return texts;
    }
  }

  private evaluate(expression: ts.Expression, bindings: Bindings): string[] {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression) || ts.isNumericLiteral(expression)) {
      return [expression.text];
    }
    if (ts.isTemplateExpression(expression)) {
      let texts = [expression.head.text];
      for (const span of expression.templateSpans) {
        texts = combine(combine(texts, this.evaluate(span.expression, bindings), expression), [span.literal.text], expression);
      }
      return texts;
    }
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return combine(this.evaluate(expression.left, bindings), this.evaluate(expression.right, bindings), expression);
    }
    if (
      ts.isParenthesizedExpression(expression) ||
      ts.isAsExpression(expression) ||
      ts.isNonNullExpression(expression) ||
      ts.isSatisfiesExpression(expression)
    ) {
      return this.evaluate(expression.expression, bindings);
    }
    if (ts.isConditionalExpression(expression)) {
      return [...this.evaluate(expression.whenTrue, bindings), ...this.evaluate(expression.whenFalse, bindings)];
    }
    if (ts.isPropertyAccessExpression(expression)) {
      const picked = this.pickedObjectProperty(expression);
      if (picked) return this.evaluate(picked, bindings);
    }
    if (ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression)) return this.evaluateName(expression, bindings);
    if (ts.isCallExpression(expression)) return this.evaluateReplace(expression, bindings) ?? this.evaluateCall(expression, bindings);
    return this.literalTypeTexts(expression);
  }

  private evaluateName(expression: ts.Identifier | ts.PropertyAccessExpression, bindings: Bindings): string[] {
    const symbol = resolvedSymbol(expression, this.checker);
    const bound = symbol && bindings.get(symbol);
    if (bound) return bound;
    const declaration = symbol?.valueDeclaration;
    if (declaration && !this.active.has(declaration)) {
      this.active.add(declaration);
      try {
        if (isConstWithInitializer(declaration)) return this.evaluate(declaration.initializer, bindings);
        const element = ts.isBindingElement(declaration) ? destructuredElement(declaration) : undefined;
        if (element) return element.flatMap((initializer) => this.evaluate(initializer, bindings));
        if (ts.isParameter(declaration) && isPrivateFunction(declaration.parent)) return this.argumentsOfCallers(declaration);
      } finally {
        this.active.delete(declaration);
      }
    }
    return this.literalTypeTexts(expression);
  }

  /**
   * `group.key` where `const group = { a: { key: … }, b: { key: … } }[k]` (or `c ? { key: … } : { key: … }`): the
   * `key` of the object chosen for `group` (a `Choice` when none is chosen yet).
   */
  private pickedObjectProperty(access: ts.PropertyAccessExpression): ts.Expression | undefined {
    const declaration = resolvedSymbol(access.expression, this.checker)?.valueDeclaration;
    if (!declaration || !isConstWithInitializer(declaration)) return undefined;
    const options = objectChoices(declaration.initializer);
    if (!options) return undefined;
    const object = this.chosen.get(declaration);
    if (!object) throw new Choice(declaration, options);
    const property = object.properties.find(
      (candidate): candidate is ts.PropertyAssignment =>
        ts.isPropertyAssignment(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === access.name.text,
    );
    if (!property) throw new NotStatic(`\`${shortText(object)}\` has no \`${access.name.text}\``);
    return property.initializer;
  }

  /** The texts a parameter of a private function receives: the union over the function's calls in its file. */
  private argumentsOfCallers(parameter: ts.ParameterDeclaration): string[] {
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    const texts: string[] = [];
    let calls = 0;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && this.checker.getResolvedSignature(node)?.getDeclaration() === fn) {
        calls++;
        const argument = node.arguments[index] ?? parameter.initializer;
        if (!argument || node.arguments.some(ts.isSpreadElement)) {
          throw new NotStatic(`a call of \`${shortText(node.expression)}\` passes no \`${shortText(parameter.name)}\``);
        }
        texts.push(...this.evaluate(argument, new Map()));
        if (texts.length > MAX_VARIANTS) throw new NotStatic(`more than ${MAX_VARIANTS} variants of \`${shortText(parameter.name)}\``);
      }
      ts.forEachChild(node, visit);
    };
    visit(fn.getSourceFile());
    if (calls === 0) throw new NotStatic(`\`${shortText(parameter.name)}\` has no callers`);
    return texts;
  }

  /** `text.replace(/pattern/flags, 'replacement')` (or `replaceAll`, or a string pattern) on a text known statically. */
  private evaluateReplace(call: ts.CallExpression, bindings: Bindings): string[] | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !['replace', 'replaceAll'].includes(callee.name.text) || call.arguments.length !== 2) {
      return undefined;
    }
    const [pattern, replacement] = call.arguments;
    let matcher: RegExp | string;
    if (ts.isRegularExpressionLiteral(pattern)) {
      const literal = /^\/(.*)\/([a-z]*)$/s.exec(pattern.text);
      if (!literal) return undefined;
      matcher = new RegExp(literal[1], literal[2]);
    } else if (ts.isStringLiteral(pattern)) {
      matcher = pattern.text;
    } else {
      return undefined;
    }
    const receivers = this.evaluate(callee.expression, bindings);
    const replacements = this.evaluate(replacement, bindings);
    const all = callee.name.text === 'replaceAll';
    return receivers.flatMap((receiver) =>
      replacements.map((text) => (all ? receiver.replaceAll(matcher, () => text) : receiver.replace(matcher, () => text))),
    );
  }

  /** A call of a function whose body returns an SQL expression: the arguments are bound to its parameters. */
  private evaluateCall(call: ts.CallExpression, bindings: Bindings): string[] {
    const declaration = this.checker.getResolvedSignature(call)?.getDeclaration();
    const body = declaration && returnedExpression(declaration);
    if (!declaration || !body || this.active.has(declaration) || call.arguments.some(ts.isSpreadElement)) return this.literalTypeTexts(call);
    const inner: Bindings = new Map(bindings);
    declaration.parameters.forEach((parameter, index) => {
      const symbol = this.checker.getSymbolAtLocation(parameter.name);
      if (!symbol) return;
      const argument = call.arguments[index];
      if (argument) inner.set(symbol, this.evaluate(argument, bindings));
      else inner.set(symbol, parameter.initializer ? this.evaluate(parameter.initializer, inner) : ['']);
    });
    this.active.add(declaration);
    try {
      return this.evaluate(body, inner);
    } finally {
      this.active.delete(declaration);
    }
  }

  /** The values of a string, number or boolean literal type, or a union of them: an enum member, a `'a' | 'b'` parameter. */
  private literalTypeTexts(expression: ts.Expression): string[] {
    const type = this.checker.getTypeAtLocation(expression);
    const members = type.isUnion() ? type.types : [type];
    const texts: string[] = [];
    for (const member of members) {
      if (member.isStringLiteral() || member.isNumberLiteral()) texts.push(String(member.value));
      else if (member.flags & ts.TypeFlags.BooleanLiteral) texts.push(this.checker.typeToString(member));
      else throw new NotStatic(`\`${shortText(expression)}\` (${this.checker.typeToString(type)}) is known only at run time`);
    }
    return texts;
  }
}

/** `a` and `b` concatenated, every variant of one with every variant of the other. */
function combine(a: string[], b: string[], at: ts.Node): string[] {
  if (a.length * b.length > MAX_VARIANTS) throw new NotStatic(`more than ${MAX_VARIANTS} variants at \`${shortText(at)}\``);
  return a.flatMap((left) => b.map((right) => left + right));
}

function resolvedSymbol(expression: ts.Expression, checker: ts.TypeChecker): ts.Symbol | undefined {
  const symbol = checker.getSymbolAtLocation(expression);
  return symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** `const X = …`, or a readonly property with an initializer: its value is that expression, whenever it is read. */
function isConstWithInitializer(declaration: ts.Declaration): declaration is ts.Declaration & { initializer: ts.Expression } {
  if (ts.isVariableDeclaration(declaration)) {
    return !!declaration.initializer && ts.isIdentifier(declaration.name) && (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) !== 0;
  }
  if (ts.isPropertyDeclaration(declaration)) {
    return !!declaration.initializer && (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Readonly) !== 0;
  }
  return false;
}

/** The object literals an initializer picks from (`{ a: {…}, b: {…} }[key]`, `c ? {…} : {…}`), if that is what it does. */
function objectChoices(initializer: ts.Expression): ts.ObjectLiteralExpression[] | undefined {
  const inner = skipParentheses(initializer);
  if (ts.isObjectLiteralExpression(inner)) return [inner];
  if (ts.isConditionalExpression(inner)) {
    const whenTrue = objectChoices(inner.whenTrue);
    const whenFalse = objectChoices(inner.whenFalse);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : undefined;
  }
  if (ts.isElementAccessExpression(inner)) {
    const table = skipParentheses(inner.expression);
    if (!ts.isObjectLiteralExpression(table)) return undefined;
    const values = table.properties.map((property) => (ts.isPropertyAssignment(property) ? objectChoices(property.initializer) : undefined));
    return values.every((value) => value !== undefined) ? values.flat() : undefined;
  }
  return undefined;
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)
    ? skipParentheses(expression.expression)
    : expression;
}

/**
 * `const [a, b] = condition ? ['x', …] : ['y', …]`: the expressions the element can take (here `'x'` and `'y'` for
 * `a`), or undefined for any other destructuring.
 */
function destructuredElement(element: ts.BindingElement): ts.Expression[] | undefined {
  const pattern = element.parent;
  const declaration = pattern.parent;
  if (!ts.isArrayBindingPattern(pattern) || !ts.isVariableDeclaration(declaration) || !declaration.initializer || element.dotDotDotToken) {
    return undefined;
  }
  if ((ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) === 0) return undefined;
  const index = pattern.elements.indexOf(element);
  const choices: ts.Expression[] = [];
  const collect = (expression: ts.Expression): boolean => {
    const inner = skipParentheses(expression);
    if (ts.isConditionalExpression(inner)) return collect(inner.whenTrue) && collect(inner.whenFalse);
    const chosen = ts.isArrayLiteralExpression(inner) ? inner.elements[index] : undefined;
    if (!chosen || ts.isSpreadElement(chosen) || ts.isOmittedExpression(chosen)) return false;
    choices.push(chosen);
    return true;
  };
  return collect(declaration.initializer) ? choices : undefined;
}

/** A private method or a function the module does not export: every call of it is in its own file. */
function isPrivateFunction(node: ts.Node): node is ts.SignatureDeclaration {
  if (ts.isMethodDeclaration(node)) {
    return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private) !== 0 || ts.isPrivateIdentifier(node.name);
  }
  if (ts.isFunctionDeclaration(node)) return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) === 0;
  return false;
}

/** The expression a function returns when that is all it does (`=> expr`, or a body of one `return expr`). */
function returnedExpression(declaration: ts.SignatureDeclaration): ts.Expression | undefined {
  const isFunctionWithBody =
    ts.isFunctionDeclaration(declaration) || ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration) || ts.isMethodDeclaration(declaration);
  const body = isFunctionWithBody ? declaration.body : undefined;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return body;
  const [only] = body.statements;
  return body.statements.length === 1 && only && ts.isReturnStatement(only) ? only.expression : undefined;
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
