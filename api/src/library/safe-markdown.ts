/**
 * A small, strict Markdown renderer for facilitator guides. Safe by construction: every character of the
 * input is HTML-escaped, and the only markup it writes is its own fixed set of tags. Raw HTML in the
 * input is shown as text. Links become `<a>` only for absolute http(s) and mailto addresses without
 * credentials; any other address (javascript:, data:, vbscript:, relative, protocol-relative…) leaves
 * the link text alone. Entities are not interpreted (`&lt;` shows as written).
 *
 * Supported: `#` headings (rendered one level down, h2–h6, since the page has its own h1), paragraphs,
 * hard line breaks (two trailing spaces or a backslash), bullet and numbered lists, block quotes,
 * fenced code blocks, horizontal rules, **bold**, *italic*, `code`, [links](https://…) and <https://…>.
 * Images are never embedded: `![text](https://…)` becomes a link.
 *
 * Output tags: h2–h6, p, br, ul, ol (with a numeric start), li, blockquote, pre, code, hr, strong, em,
 * a (href, rel). Nothing else.
 */

const MAX_QUOTE_DEPTH = 3;
/** Longest link text and emphasis span looked for: keeps pathological input linear in practice. */
const MAX_LINK_TEXT = 1000;
const MAX_EMPHASIS = 1000;

// Private-use characters mark already-safe HTML inside escaped text; they are removed from the input first.
const OPEN = '\uE001';
const CLOSE = '\uE002';
const HARD_BREAK = '\uE003';
const RESERVED = /[\u0000\uE001\uE002\uE003]/g;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

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

export function renderSafeMarkdown(source: string): string {
  const text = source.replace(RESERVED, '').replace(/\r\n?/g, '\n');
  return renderBlocks(text.split('\n'), 0);
}

type Block =
  | { kind: 'paragraph'; lines: string[] }
  | { kind: 'list'; ordered: boolean; start: number; items: string[][] }
  | { kind: 'quote'; lines: string[] };

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const QUOTE = /^ {0,3}>[ ]?(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})[^`]*$/;

function renderBlocks(lines: string[], depth: number): string {
  const out: string[] = [];
  let open: Block | null = null;

  const flush = () => {
    if (!open) return;
    if (open.kind === 'paragraph') out.push(`<p>${renderInline(joinParagraph(open.lines))}</p>`);
    else if (open.kind === 'list') {
      const tag = open.ordered ? 'ol' : 'ul';
      const start = open.ordered && open.start !== 1 ? ` start="${open.start}"` : '';
      const items = open.items.map((item) => `<li>${renderInline(joinParagraph(item))}</li>`).join('');
      out.push(`<${tag}${start}>${items}</${tag}>`);
    } else if (depth + 1 >= MAX_QUOTE_DEPTH) {
      out.push(`<blockquote><p>${renderInline(joinParagraph(open.lines))}</p></blockquote>`);
    } else {
      out.push(`<blockquote>${renderBlocks(open.lines, depth + 1)}</blockquote>`);
    }
    open = null;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const current = open as Block | null;

    if (current?.kind === 'quote') {
      const quoted = QUOTE.exec(line);
      if (quoted) {
        current.lines.push(quoted[1]);
        continue;
      }
      flush();
    }

    if (line.trim() === '') {
      flush();
      continue;
    }

    const fence = FENCE.exec(line);
    if (fence) {
      flush();
      const marker = fence[1];
      const body: string[] = [];
      index++;
      while (index < lines.length && !lines[index].trimStart().startsWith(marker)) {
        body.push(lines[index]);
        index++;
      }
      out.push(`<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`);
      continue;
    }

    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      const level = Math.min(heading[1].length + 1, 6);
      const content = (heading[2] ?? '').replace(/[ \t]+#+$/, '').replace(/^#+$/, '');
      out.push(`<h${level}>${renderInline(content)}</h${level}>`);
      continue;
    }

    if (RULE.exec(line)) {
      flush();
      out.push('<hr>');
      continue;
    }

    const quote = QUOTE.exec(line);
    if (quote) {
      flush();
      open = { kind: 'quote', lines: [quote[1]] };
      continue;
    }

    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = Boolean(numbered);
      const content = bullet ? bullet[1] : (numbered as RegExpExecArray)[2];
      if (current?.kind === 'list' && current.ordered === ordered) {
        current.items.push([content]);
      } else {
        flush();
        open = { kind: 'list', ordered, start: numbered ? Number(numbered[1]) : 1, items: [[content]] };
      }
      continue;
    }

    if (current?.kind === 'list' && /^[ \t]+\S/.test(line)) {
      // An indented line continues the last item.
      current.items[current.items.length - 1].push(line.trim());
      continue;
    }

    if (current?.kind === 'paragraph') {
      current.lines.push(line);
    } else {
      flush();
      open = { kind: 'paragraph', lines: [line] };
    }
  }
  flush();
  return out.join('\n');
}

/** Joins a paragraph's lines; two trailing spaces or a trailing backslash make a hard line break. */
function joinParagraph(lines: string[]): string {
  return lines
    .map((line, index) => {
      const last = index === lines.length - 1;
      const trimmedStart = line.replace(/^[ \t]+/, '');
      if (last) return trimmedStart.replace(/[ \t]+$/, '');
      if (/ {2,}$/.test(trimmedStart)) return `${trimmedStart.replace(/[ \t]+$/, '')}${HARD_BREAK}`;
      if (/\\$/.test(trimmedStart)) return `${trimmedStart.slice(0, -1)}${HARD_BREAK}`;
      return `${trimmedStart.replace(/[ \t]+$/, '')}\n`;
    })
    .join('');
}

const ESCAPABLE = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/;
const AUTOLINK = /^<((?:https?:\/\/|mailto:)[^\s<>]+)>/i;

/**
 * Inline content: the text is escaped piece by piece; code spans, links and line breaks become safe HTML
 * held in placeholders while emphasis is applied to the escaped text, then put back.
 */
function renderInline(text: string, allowLinks = true): string {
  const html: string[] = [];
  let escaped = '';
  let plain = '';
  const emitPlain = () => {
    escaped += escapeHtml(plain);
    plain = '';
  };
  const emitHtml = (fragment: string) => {
    emitPlain();
    escaped += `${OPEN}${html.length}${CLOSE}`;
    html.push(fragment);
  };

  let i = 0;
  while (i < text.length) {
    const char = text[i];

    if (char === '\\' && i + 1 < text.length && ESCAPABLE.test(text[i + 1])) {
      // A backslash-escaped character is literal: it can start no markup, emphasis included.
      emitHtml(escapeHtml(text[i + 1]));
      i += 2;
      continue;
    }

    if (char === HARD_BREAK) {
      emitHtml('<br>\n');
      i++;
      continue;
    }

    if (char === '`') {
      let run = 1;
      while (text[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      let search = i + run;
      let end = -1;
      while (search < text.length) {
        const found = text.indexOf(fence, search);
        if (found === -1) break;
        let after = found + run;
        while (text[after] === '`') after++;
        if (after - found === run) {
          end = found;
          break;
        }
        search = after;
      }
      if (end === -1) {
        plain += fence;
        i += run;
        continue;
      }
      let code = text.slice(i + run, end).replace(/\n/g, ' ');
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      emitHtml(`<code>${escapeHtml(code)}</code>`);
      i = end + run;
      continue;
    }

    if (allowLinks && char === '<') {
      const auto = AUTOLINK.exec(text.slice(i, i + 2100));
      const href = auto ? safeHref(auto[1]) : null;
      if (auto && href) {
        emitHtml(`<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${escapeHtml(auto[1])}</a>`);
        i += auto[0].length;
        continue;
      }
    }

    if (allowLinks && (char === '[' || (char === '!' && text[i + 1] === '['))) {
      // Images are not embedded: `![text](address)` becomes a plain link to the address.
      const link = parseLink(text, char === '!' ? i + 1 : i);
      if (link) {
        const label = renderInline(link.label, false);
        const href = safeHref(link.destination);
        // An unsafe address is dropped: the reader sees the link text only.
        emitHtml(href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${label}</a>` : label);
        i = link.end;
        continue;
      }
    }

    plain += char;
    i++;
  }
  emitPlain();

  const emphasised = applyEmphasis(escaped);
  return emphasised.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'gu'), (_match, index: string) => html[Number(index)]);
}

const STRONG_STAR = new RegExp(`\\*\\*([^\\s*](?:[^]{0,${MAX_EMPHASIS}}?[^\\s*])?)\\*\\*`, 'gu');
const STRONG_UNDERSCORE = new RegExp(`(^|[^\\p{L}\\p{N}_])__([^\\s_](?:[^]{0,${MAX_EMPHASIS}}?[^\\s_])?)__(?![\\p{L}\\p{N}_])`, 'gu');
const EM_STAR = new RegExp(`\\*([^\\s*](?:[^]{0,${MAX_EMPHASIS}}?[^\\s*])?)\\*`, 'gu');
const EM_UNDERSCORE = new RegExp(`(^|[^\\p{L}\\p{N}_])_([^\\s_](?:[^]{0,${MAX_EMPHASIS}}?[^\\s_])?)_(?![\\p{L}\\p{N}_])`, 'gu');

/** Emphasis on already-escaped text: it only wraps what is there in strong/em. */
function applyEmphasis(escaped: string): string {
  return escaped
    .replace(STRONG_STAR, '<strong>$1</strong>')
    .replace(STRONG_UNDERSCORE, '$1<strong>$2</strong>')
    .replace(EM_STAR, '<em>$1</em>')
    .replace(EM_UNDERSCORE, '$1<em>$2</em>');
}

/** `[label](destination "optional title")` starting at `start`; the title is ignored. */
function parseLink(text: string, start: number): { label: string; destination: string; end: number } | null {
  let depth = 0;
  let i = start;
  let labelEnd = -1;
  const limit = Math.min(text.length, start + MAX_LINK_TEXT);
  for (; i < limit; i++) {
    const char = text[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '[') depth++;
    else if (char === ']') {
      depth--;
      if (depth === 0) {
        labelEnd = i;
        break;
      }
    }
  }
  if (labelEnd === -1 || text[labelEnd + 1] !== '(') return null;
  let j = labelEnd + 2;
  while (text[j] === ' ' || text[j] === '\t' || text[j] === '\n') j++;
  let destination = '';
  if (text[j] === '<') {
    const close = text.indexOf('>', j + 1);
    if (close === -1 || text.slice(j + 1, close).includes('\n')) return null;
    destination = text.slice(j + 1, close);
    j = close + 1;
  } else {
    let parens = 0;
    const destStart = j;
    const destLimit = Math.min(text.length, j + 2100);
    for (; j < destLimit; j++) {
      const char = text[j];
      if (char === '\\' && j + 1 < text.length) {
        j++;
        continue;
      }
      if (char === ' ' || char === '\t' || char === '\n') break;
      if (char === '(') parens++;
      else if (char === ')') {
        if (parens === 0) break;
        parens--;
      }
    }
    destination = text.slice(destStart, j).replace(/\\(.)/g, '$1');
  }
  while (text[j] === ' ' || text[j] === '\t' || text[j] === '\n') j++;
  const quote = text[j];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, j + 1);
    if (close === -1) return null;
    j = close + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
  }
  if (text[j] !== ')') return null;
  return { label: text.slice(start + 1, labelEnd), destination, end: j + 1 };
}
