import MarkdownIt from 'markdown-it';
import type { StateCore, Token } from 'markdown-it';

/**
 * Facilitator guides rendered by markdown-it (CommonMark), configured to write a fixed, safe set of tags:
 *
 * - Raw HTML in the input is shown as text (`html: false`), and entities are not interpreted (`&lt;` shows
 *   as written: the `entity` rule is off).
 * - Links become `<a href="…" rel="noopener noreferrer nofollow">` only for absolute http(s) and mailto
 *   addresses without credentials (`safeHref`, used as markdown-it's `validateLink` and again on the
 *   address it keeps). A link to any other address (javascript:, data:, vbscript:, relative,
 *   protocol-relative…) keeps its text and loses the link; a refused `<…>` autolink stays text. Titles are
 *   dropped. Bare addresses are not linked (no linkify), so an escaped `\[…\](…)` stays plain text.
 * - Images are never embedded: `![text](https://…)` becomes a link. A link inside a link keeps only its text.
 * - Headings are rendered one level down (h2–h6), since the page has its own h1.
 * - Only `#` headings, fenced code and the other syntax of the previous renderer: setext headings
 *   (`Text` over `---`), indented code blocks, tables and strikethrough are off, so an underline of dashes
 *   is a rule and indented text stays text.
 *
 * Output tags: h2–h6, p, br, ul, ol (with a numeric start), li, blockquote, pre, code, hr, strong, em,
 * a (href, rel). Nothing else.
 */

const LINK_REL = 'noopener noreferrer nofollow';

/**
 * The address to put in `href`, or null when it is not an absolute http(s) or mailto URL. Returns the
 * URL as the WHATWG parser normalises it, so what the browser follows is what was checked.
 */
export function safeHref(raw: string): string | null {
  const candidate = raw.trim();
  // Control characters and whitespace inside an address are a classic way to hide a scheme.
  if (candidate === '' || /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(candidate)) return null;
  if (!/^(https?:\/\/|mailto:)/i.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.pathname.length > 0 ? url.href : null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

const markdown = new MarkdownIt('commonmark', {
  html: false,
  xhtmlOut: false,
  breaks: false,
  linkify: false,
  typographer: false,
});
markdown.disable(['entity', 'lheading', 'code']);

/**
 * markdown-it's own check refuses only javascript:, vbscript:, file: and most data: addresses; this one
 * allows only what safeHref allows. A refused `<…>` autolink or reference definition stays text.
 *
 * A `[text](address)` link or image whose address is refused would be left as its literal source, though,
 * so the first check made while the link or image rule runs (normally of its destination) passes, and
 * rewriteLinks, which checks every link again, drops the link and keeps its text.
 */
let passNextCheck = false;
markdown.validateLink = (url: string) => {
  if (passNextCheck) {
    passNextCheck = false;
    return true;
  }
  return safeHref(url) !== null;
};
for (const name of ['link', 'image']) {
  const parse = markdown.inline.ruler.__rules__.find((rule) => rule.name === name)?.fn;
  if (!parse) throw new Error(`markdown-it has no inline rule ${name}`);
  markdown.inline.ruler.at(name, (state, silent) => {
    passNextCheck = true;
    try {
      return parse(state, silent);
    } finally {
      passNextCheck = false;
    }
  });
}

/**
 * Turns images into links and checks every link again: an address safeHref refuses (markdown-it leaves
 * `href=""` on a link whose address validateLink refused) and a link nested in another link lose their
 * `<a>` but keep their text; a kept link gets the WHATWG-normalised address and rel, and no title.
 */
function rewriteLinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const expanded = expandImages(block.children, state);
    const children: Token[] = [];
    const kept: boolean[] = [];
    let openLinks = 0;
    for (const token of expanded) {
      if (token.type === 'link_open') {
        const href = openLinks === 0 ? safeHref(String(token.attrGet('href') ?? '')) : null;
        kept.push(href !== null);
        if (href !== null) {
          token.attrs = [
            ['href', href],
            ['rel', LINK_REL],
          ];
          children.push(token);
          openLinks++;
        }
      } else if (token.type === 'link_close') {
        if (kept.pop()) {
          children.push(token);
          openLinks--;
        }
      } else {
        children.push(token);
      }
    }
    block.children = children;
  }
}

/** `![text](address)` as `[text](address)`: the image's alt-text tokens become the link's content. */
function expandImages(tokens: Token[], state: StateCore): Token[] {
  return tokens.flatMap((token) => {
    if (token.type !== 'image') return [token];
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [['href', String(token.attrGet('src') ?? '')]];
    const close = new state.Token('link_close', 'a', -1);
    return [open, ...expandImages(token.children ?? [], state), close];
  });
}

function shiftHeadings(state: StateCore): void {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(Number(token.tag.slice(1)) + 1, 6)}`;
    }
  }
}

// Before text_join, which turns the escaped characters of the images' alt text into plain text as well.
markdown.core.ruler.before('text_join', 'kunna_links', rewriteLinks);
markdown.core.ruler.push('kunna_headings', shiftHeadings);

// Fenced code without a language class; the content's final newline is left out.
markdown.renderer.rules.fence = (tokens, index) => `<pre><code>${markdown.utils.escapeHtml(tokens[index].content.replace(/\n$/, ''))}</code></pre>\n`;

export function renderSafeMarkdown(source: string): string {
  return markdown.render(source).replace(/\n$/, '');
}
