import { renderSafeMarkdown, safeHref } from './markdown';

/**
 * Every tag the renderer may write, with the only attributes it may carry. Any output outside this set
 * (an `<img>`, a `<script>`, an `onerror=` attribute, a `javascript:` href) fails the invariant.
 */
const ALLOWED_TAG = /^<(\/?)(h[2-6]|p|br|ul|ol|li|blockquote|pre|code|hr|strong|em|a)((?: [a-z]+="[^"<>]*")*)>$/;
const ALLOWED_ATTRIBUTES: Record<string, RegExp> = {
  a: /^ href="(https?:\/\/|mailto:)[^"<>\s]*" rel="noopener noreferrer nofollow"$/,
  ol: /^( start="\d+")?$/,
};

function assertOnlySafeMarkup(html: string): void {
  for (const match of html.matchAll(/<[^>]*>?/g)) {
    const tag = match[0];
    const parsed = ALLOWED_TAG.exec(tag);
    if (!parsed) throw new Error(`unexpected markup ${JSON.stringify(tag)} in ${JSON.stringify(html)}`);
    const [, closing, name, attributes] = parsed;
    if (closing && attributes) throw new Error(`attributes on a closing tag: ${tag}`);
    if (!closing && attributes && !(ALLOWED_ATTRIBUTES[name] ?? /^$/).test(attributes)) {
      throw new Error(`unexpected attributes ${JSON.stringify(attributes)} on <${name}>`);
    }
  }
}

describe('renderSafeMarkdown', () => {
  describe('supported Markdown', () => {
    it('renders headings one level down (the page has its own h1)', () => {
      expect(renderSafeMarkdown('# Före träffen\n## Under träffen\n###### Sist')).toBe('<h2>Före träffen</h2>\n<h3>Under träffen</h3>\n<h6>Sist</h6>');
    });

    it('renders paragraphs separated by blank lines, joining their lines', () => {
      expect(renderSafeMarkdown('Första raden\nfortsätter här.\n\nNytt stycke.')).toBe('<p>Första raden\nfortsätter här.</p>\n<p>Nytt stycke.</p>');
    });

    it('renders hard line breaks from two trailing spaces or a backslash', () => {
      expect(renderSafeMarkdown('Rad ett  \nRad två\\\nRad tre')).toBe('<p>Rad ett<br>\nRad två<br>\nRad tre</p>');
    });

    it('renders bullet and numbered lists, with continuation lines and a start number', () => {
      expect(renderSafeMarkdown('- Logga in\n- Öppna appen\n  på surfplattan\n\n3. Tre\n4. Fyra')).toBe(
        '<ul>\n<li>Logga in</li>\n<li>Öppna appen\npå surfplattan</li>\n</ul>\n<ol start="3">\n<li>Tre</li>\n<li>Fyra</li>\n</ol>',
      );
    });

    it('renders bold, italic and code', () => {
      expect(renderSafeMarkdown('**Viktigt:** signera *direkt* i `appen`, __alltid__ och _noga_.')).toBe(
        '<p><strong>Viktigt:</strong> signera <em>direkt</em> i <code>appen</code>, <strong>alltid</strong> och <em>noga</em>.</p>',
      );
    });

    it('does not treat underscores inside words or lone asterisks as emphasis', () => {
      expect(renderSafeMarkdown('fil_namn_här och 2 * 3 * 4')).toBe('<p>fil_namn_här och 2 * 3 * 4</p>');
    });

    it('renders http(s) and mailto links with rel=noopener', () => {
      expect(renderSafeMarkdown('[1177](https://www.1177.se/) och [mejla](mailto:it@kommun.example)')).toBe(
        '<p><a href="https://www.1177.se/" rel="noopener noreferrer nofollow">1177</a> och ' +
          '<a href="mailto:it@kommun.example" rel="noopener noreferrer nofollow">mejla</a></p>',
      );
    });

    it('keeps balanced parentheses in addresses and ignores link titles', () => {
      expect(renderSafeMarkdown('[Wiki](https://sv.wikipedia.org/wiki/Test_(data) "titel")')).toBe(
        '<p><a href="https://sv.wikipedia.org/wiki/Test_(data)" rel="noopener noreferrer nofollow">Wiki</a></p>',
      );
    });

    it('renders autolinks, block quotes, rules and fenced code', () => {
      const html = renderSafeMarkdown('<https://example.se/a>\n\n> Citat\n> fortsätter\n\n---\n\n```\n<b>kod</b>\n```');
      expect(html).toBe(
        '<p><a href="https://example.se/a" rel="noopener noreferrer nofollow">https://example.se/a</a></p>\n' +
          '<blockquote>\n<p>Citat\nfortsätter</p>\n</blockquote>\n<hr>\n<pre><code>&lt;b&gt;kod&lt;/b&gt;</code></pre>',
      );
    });

    it('turns images into links instead of embedding them', () => {
      expect(renderSafeMarkdown('![Bild på larmknappen](https://example.se/larm.png)')).toBe(
        '<p><a href="https://example.se/larm.png" rel="noopener noreferrer nofollow">Bild på larmknappen</a></p>',
      );
    });

    it('lets a backslash escape markup characters', () => {
      expect(renderSafeMarkdown('\\*inte kursiv\\* och \\[inte länk\\](https://a.se)')).toBe('<p>*inte kursiv* och [inte länk](https://a.se)</p>');
    });

    it('writes fenced code without a language class, and keeps to the syntax above', () => {
      expect(renderSafeMarkdown('```js" onclick="x\nlet a = 1;\n```')).toBe('<pre><code>let a = 1;</code></pre>');
      // An underline of dashes is a rule (no setext headings), indented text stays text (no indented code),
      // and tables and strikethrough are not rendered.
      expect(renderSafeMarkdown('Text\n---\n\n    indragen')).toBe('<p>Text</p>\n<hr>\n<p>indragen</p>');
      expect(renderSafeMarkdown('| a | b |\n|---|---|\n\n~~bort~~')).toBe('<p>| a | b |\n|---|---|</p>\n<p>~~bort~~</p>');
    });

    it('links reference-style links and <e-mail> autolinks by the same rules', () => {
      expect(renderSafeMarkdown('[1177][r] och <it@kommun.example>\n\n[r]: https://www.1177.se/ "titel"')).toBe(
        '<p><a href="https://www.1177.se/" rel="noopener noreferrer nofollow">1177</a> och ' +
          '<a href="mailto:it@kommun.example" rel="noopener noreferrer nofollow">it@kommun.example</a></p>',
      );
      expect(renderSafeMarkdown('[x][r]\n\n[r]: javascript:alert(1)')).toBe('<p>[x][r]</p>\n<p>[r]: javascript:alert(1)</p>');
    });

    it('renders Swedish text and empty input', () => {
      expect(renderSafeMarkdown('Åtgärd för ömtåliga ärenden')).toBe('<p>Åtgärd för ömtåliga ärenden</p>');
      expect(renderSafeMarkdown('')).toBe('');
    });
  });

  describe('XSS payloads', () => {
    const payloads: Array<[string, string]> = [
      ['script tag', '<script>alert(1)</script>'],
      ['img onerror', '<img src=x onerror=alert(1)>'],
      ['svg onload', '<svg/onload=alert(1)>'],
      ['raw anchor with javascript:', '<a href="javascript:alert(1)">klicka</a>'],
      ['iframe', '<iframe src="https://evil.example"></iframe>'],
      ['style tag', '<style>body{display:none}</style>'],
      ['javascript: link', '[x](javascript:alert(1))'],
      ['upper-case scheme', '[x](JaVaScRiPt:alert(1))'],
      ['spaces around the address', '[x](  javascript:alert(1)  )'],
      ['tab inside the scheme', '[x](java\tscript:alert(1))'],
      ['newline inside the scheme', '[x](java\nscript:alert(1))'],
      ['NUL inside the scheme', '[x](java\u0000script:alert(1))'],
      ['entity-encoded scheme', '[x](jav&#x61;script:alert(1))'],
      ['entity-encoded colon', '[x](javascript&colon;alert(1))'],
      ['percent-encoded scheme', '[x](%6Aavascript:alert(1))'],
      ['data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
      ['vbscript: URL', '[x](vbscript:msgbox(1))'],
      ['file: URL', '[x](file:///etc/passwd)'],
      ['protocol-relative URL', '[x](//evil.example/a)'],
      ['angle-bracket javascript: destination', '[x](<javascript:alert(1)>)'],
      ['javascript: autolink', '<javascript:alert(1)>'],
      ['data: autolink', '<data:text/html,<script>alert(1)</script>>'],
      ['attribute break-out in an address', '[x](https://ok.example/"onmouseover="alert(1))'],
      ['attribute break-out with a title', '[x](https://ok.example/ "a" onmouseover="alert(1)")'],
      ['HTML in link text', '[<img src=x onerror=alert(1)>](https://ok.example)'],
      ['HTML inside emphasis', '**<b onclick="alert(1)">x</b>** *<i>y</i>*'],
      ['HTML inside a heading', '# <script>alert(1)</script>'],
      ['HTML inside a list and quote', '- <img src=x onerror=alert(1)>\n\n> <script>alert(1)</script>'],
      ['HTML inside a code span', '`<script>alert(1)</script>`'],
      ['entity tricks', '&lt;script&gt;alert(1)&lt;/script&gt; &#60;img src=x onerror=alert(1)&#62;'],
      ['credentials in an address', '[x](https://trusted.example@evil.example/)'],
      ['image syntax with javascript:', '![x](javascript:alert(1))'],
      ['nested link in link text', '[[a](javascript:alert(1))](https://ok.example)'],
      ['unicode line separator in scheme', '[x](java\u2028script:alert(1))'],
      ['javascript: reference definition', '[x][r]\n\n[r]: javascript:alert(1)'],
      ['image in an image in a link', '[![![i](javascript:alert(1))](https://a.example)](https://b.example)'],
      ['fence info string', '```"><script>alert(1)</script>\nx\n```'],
      ['placeholder characters in the input', '\uE0010\uE002 [x](https://ok.example) \uE003'],
    ];

    it.each(payloads)('%s: writes only the renderer’s own safe markup', (_name, payload) => {
      const html = renderSafeMarkdown(payload);
      assertOnlySafeMarkup(html);
      expect(html).not.toMatch(/<script|<img|<svg|<iframe|<style|javascript:[^<]*"|href="(?!https?:\/\/|mailto:)/i);
      expect(html).not.toMatch(/<[^>]* on[a-z]+=/i);
    });

    it('shows raw HTML as text', () => {
      expect(renderSafeMarkdown('<script>alert(1)</script>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    });

    it('keeps the text of a link whose address is refused, without a link', () => {
      expect(renderSafeMarkdown('[klicka här](javascript:alert(1))')).toBe('<p>klicka här</p>');
      expect(renderSafeMarkdown('[bild](data:image/png;base64,AAAA)')).toBe('<p>bild</p>');
      expect(renderSafeMarkdown('[relativ](/library/modules) ![bild](javascript:alert(1))')).toBe('<p>relativ bild</p>');
    });

    it('escapes the quote that would end the href attribute', () => {
      const html = renderSafeMarkdown('[x](https://ok.example/"onmouseover="alert(1))');
      expect(html).toBe('<p><a href="https://ok.example/%22onmouseover=%22alert(1)" rel="noopener noreferrer nofollow">x</a></p>');
    });

    it('does not decode entities: they show as written', () => {
      expect(renderSafeMarkdown('&lt;b&gt;')).toBe('<p>&amp;lt;b&amp;gt;</p>');
    });

    it('renders pathological input quickly', () => {
      const inputs = ['['.repeat(40000), '**a'.repeat(13000), '`a'.repeat(20000), '[x]('.repeat(8000), '_a '.repeat(13000), '> '.repeat(20000)];
      for (const input of inputs) {
        const started = Date.now();
        const html = renderSafeMarkdown(input);
        // A guard against catastrophic (super-linear) backtracking, which would take minutes here, not a
        // performance claim: generous enough for a busy 2-core CI machine.
        expect(Date.now() - started).toBeLessThan(10000);
        assertOnlySafeMarkup(html);
      }
    });
  });
});

describe('safeHref', () => {
  it.each([
    ['https://www.1177.se/', 'https://www.1177.se/'],
    ['HTTP://Example.SE/a b', null],
    ['http://example.se/path?q=1#x', 'http://example.se/path?q=1#x'],
    ['mailto:it@kommun.example', 'mailto:it@kommun.example'],
    ['javascript:alert(1)', null],
    ['ftp://example.se', null],
    ['https://', null],
    ['https://user:pass@example.se', null],
    ['/relative/path', null],
    ['', null],
  ])('%s → %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });
});
