import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Lists every message the API can answer with: each sentence-like string or template literal in api/src (and every
 * `message:` value, whatever its shape). The message catalogue (libs/contracts/src/api-messages.ts) must hold each of
 * them, so that every error leaves the API with a stable code the web app translates.
 *
 * Used by the unit test api/src/common/api-messages.spec.ts and by `node scripts/api-messages.mts`.
 */
export interface FoundMessage {
  /** The text with every `${…}` replaced by `{}`. */
  template: string;
  /** A name for each `${…}` in order, from the expression (`person.endDate` → `endDate`). */
  params: string[];
  file: string;
  line: number;
}

/** Files whose sentences are not answers: content, demo data, start-up and log texts, the English translations. */
const NOT_ANSWERS = [
  /\/starter-library\//,
  /\/demo-[^/]+\.ts$/,
  /^api\/src\/common\/messages\.ts$/,
  /^api\/src\/(app|database|jobs|health|test-support|openapi)\//,
  /^api\/src\/notifications\/mail-transport\.ts$/,
  /\.(spec|int-spec)\.ts$/,
];

/** OpenAPI descriptions and export column headings are documentation and content, not answers. */
const NOT_ANSWER_PROPERTIES = new Set(['description', 'example', 'summary', 'headers']);

/** A value inserted into a message (a list of file types), not a message of its own. */
const NOT_ANSWER_VARIABLES = new Set(['TYPE_NAMES']);

/**
 * Texts shaped like sentences that are not answers: a calendar event's title, a log line from the identity provider, a
 * programming error of a route or of a kept view's definition (answered as the generic 500).
 */
const NOT_ANSWER_TEXTS = new Set([
  '{} ({} min)',
  '{} ({})',
  'The route declares no object to hand over.',
  'Kept view {} is defined twice.',
  'Kept view {} is not defined.',
]);

function sourceFiles(directory: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

function paramName(expression: ts.Expression, source: ts.SourceFile): string {
  const names = expression.getText(source).match(/[A-Za-z_][A-Za-z0-9_]*/g);
  return names ? names[names.length - 1] : 'value';
}

function propertyName(node: ts.Node): string | null {
  return ts.isPropertyAssignment(node) ? node.name.getText() : null;
}

/** The nearest property or variable the literal is the value of (through arrays and conditionals). */
function owner(node: ts.Node): { property: string | null; variable: string | null } {
  let current: ts.Node = node.parent;
  while (ts.isArrayLiteralExpression(current) || ts.isConditionalExpression(current) || ts.isParenthesizedExpression(current)) {
    current = current.parent;
  }
  return {
    property: propertyName(current),
    variable: ts.isVariableDeclaration(current) ? current.name.getText() : null,
  };
}

const SENTENCE = /^[\p{Lu}{]/u;

export function scanApiMessages(root: string): FoundMessage[] {
  const apiSource = join(root, 'api', 'src');
  const found: FoundMessage[] = [];
  for (const path of sourceFiles(apiSource)) {
    const file = relative(root, path).split('\\').join('/');
    if (NOT_ANSWERS.some((pattern) => pattern.test(file))) continue;
    const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const isTemplate = ts.isTemplateExpression(node);
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || isTemplate) {
        const template = isTemplate ? node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('') : node.text;
        const params = isTemplate ? node.templateSpans.map((span) => paramName(span.expression, source)) : [];
        const { property, variable } = owner(node);
        const sentence = SENTENCE.test(template) && /[.?!)]$/.test(template) && template.includes(' ');
        const excluded =
          NOT_ANSWER_TEXTS.has(template) ||
          (property !== null && NOT_ANSWER_PROPERTIES.has(property)) ||
          (variable !== null && NOT_ANSWER_VARIABLES.has(variable));
        if (!excluded && template !== '' && (property === 'message' || sentence)) {
          found.push({ template, params, file, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
        }
        if (!isTemplate) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** `Högst {max} tecken.` → `Högst {} tecken.`: how a catalogue text compares with a literal in the source. */
export function shapeOf(text: string): string {
  return text.replace(/\{[A-Za-z0-9_]+\}/g, '{}');
}
