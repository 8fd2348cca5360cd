/**
 * Text from claims and articles is untrusted: each sink gets its own escaping so that nothing a
 * file contains can be interpreted by the terminal, the CI runner, Markdown, XML or HTML.
 */

/**
 * Characters that act on a terminal, hide or reorder text, or render as nothing: C0 and C1
 * controls and DEL, format characters (bidirectional marks and overrides, zero-width characters,
 * the soft hyphen, U+180E, U+206A–206F, interlinear annotation U+FFF9–FFFB, tag characters
 * U+E0000–E007F), line and paragraph separators, lone surrogates, and letters that render as
 * blank (the Hangul fillers, the combining grapheme joiner, the Khmer inherent vowels, the
 * Mongolian free variation selectors), and code points Unicode keeps ignorable even while
 * unassigned (U+2065, U+FFF0-FFF8, U+E0000-E0FFF). Sinks show them as \u{…}.
 */
const HIDDEN_CLASS =
  "\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u2065\\u3164\\uffa0\\ufff0-\\ufff8\\u{e0000}-\\u{e0fff}";
const HIDDEN = new RegExp(`[${HIDDEN_CLASS}]`, "gu");
/** The same, but line feed and tab are kept: for sinks that keep line breaks. */
const HIDDEN_BUT_LINES = new RegExp(`(?![\\n\\t])[${HIDDEN_CLASS}]`, "gu");

const HIDDEN_BUT_LAYOUT = new RegExp(`(?![\\n\\r\\t])[${HIDDEN_CLASS}]`, "gu");

const codePointEscape = (ch: string) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;

/**
 * For the terminal: every hidden character is shown as a \u{…} escape, so an ANSI sequence in a
 * claim is visible text; newlines and tabs are shown as \n and \t, so one finding stays on its
 * own lines. Workflow commands are neutralised too (see neutraliseCommands).
 */
export function escapeTerminal(text: string): string {
  return neutraliseCommands(
    text.replace(HIDDEN, (ch) => {
      if (ch === "\n") return "\\n";
      if (ch === "\t") return "\\t";
      if (ch === "\r") return "\\r";
      return codePointEscape(ch);
    }),
    PLAIN,
  );
}

/** For the message part of a GitHub workflow command (`::error ...::MESSAGE`). */
export function escapeWorkflowData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** For a property value of a GitHub workflow command (`file=…,title=…`). */
export function escapeWorkflowProperty(text: string): string {
  return escapeWorkflowData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const htmlEntities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** For HTML text and attribute values (always quoted). */
export function escapeHtml(text: string): string {
  return neutraliseCommands(
    text.replace(/[&<>"']/g, (ch) => htmlEntities[ch] ?? ch),
    MARKUP,
  );
}

/** For XML text and attributes; characters XML 1.0 cannot carry at all are replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return neutraliseCommands(
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/[&<>"']/g, (ch) => (ch === "'" ? "&apos;" : (htmlEntities[ch] ?? ch))),
    MARKUP,
  );
}

/**
 * For a GitHub-flavoured Markdown table cell: HTML is escaped, pipes and backticks and other
 * Markdown punctuation are backslash-escaped, line breaks become spaces and hidden characters
 * are shown as \u{…}. The apostrophe stays as it is: a numeric entity (`&#39;`) would be broken
 * by the backslash before its `#`.
 */
export function escapeMarkdownCell(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n/g, " "))
    .replace(/[&<>"]/g, (ch) => htmlEntities[ch] ?? ch)
    .replace(/([\\`*_{}[\]()#+\-.!|~>])/g, "\\$1");
}

/**
 * For Markdown outside a table cell, where backslash escapes are not read (inside raw HTML such
 * as `<summary>`): HTML is escaped and hidden characters are shown as \u{…}.
 */
export function escapeMarkdownHtml(text: string): string {
  return escapeHtml(visibleControls(text.replace(/\r\n|\r|\n/g, " ")));
}

/**
 * Hidden characters shown as \u{…}, line feeds and tabs kept: for sinks that keep line breaks
 * (annotations, SARIF, XML text) but must not pass an ANSI escape sequence or a hidden character
 * through.
 */
export function visibleControls(text: string): string {
  return text.replace(HIDDEN_BUT_LINES, codePointEscape);
}

/**
 * Hidden characters shown as \u{…}, line breaks (CR and LF) and tabs kept: for an article's text,
 * shown with its own layout.
 */
export function visibleExceptLayout(text: string): string {
  return text.replace(HIDDEN_BUT_LAYOUT, codePointEscape);
}

/** For an XML attribute value: like escapeXml, with line breaks and tabs kept as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\n\r\t]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Every string in `data` passed through `show`, for data serialised whole (JSON embedded in the
 * HTML page): keys and non-string values are kept.
 */
export function mapStrings(data: unknown, show: (text: string) => string): unknown {
  if (typeof data === "string") return show(data);
  if (Array.isArray(data)) return data.map((item) => mapStrings(item, show));
  if (data !== null && typeof data === "object") {
    // No prototype: a key named __proto__ stays a key.
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, value] of Object.entries(data)) out[key] = mapStrings(value, show);
    return out;
  }
  return data;
}

/**
 * How a sink writes a colon and an opening bracket without the meaning they have for a CI
 * runner: a \u{…} escape in plain text, a character reference in HTML, XML and Markdown, a
 * JSON escape in JSON. Each reads back as the same character in its own sink.
 */
export interface CommandEscapes {
  colon: string;
  bracket: string;
}
export const PLAIN: CommandEscapes = { colon: "\\u{3a}", bracket: "\\u{5b}" };
export const MARKUP: CommandEscapes = { colon: "&#58;", bracket: "&#91;" };
export const JSON_TEXT: CommandEscapes = { colon: "\\u003a", bracket: "\\u005b" };

/**
 * Characters the runner does not see when it looks for a command: it compares with .NET's
 * culture-aware StartsWith and IndexOf, which skip controls, format characters and variation
 * selectors. Line breaks are not among them: they end a line.
 */
const SKIPPED =
  "\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\p{Cf}\\u034f\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u3164\\ufe00-\\ufe0f\\uffa0\\u{e0100}-\\u{e01ef}";
/** What the runner trims from the start of a line (.NET's char.IsWhiteSpace) before it looks for `::`. */
const LEADING_SPACE =
  "\\t\\u000b\\u000c \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
/**
 * `::` at the start of a line (a workflow command), after leading space; a lone colon at the very
 * end of the text counts too, since the next piece of output may start with the second one.
 */
const LINE_COMMAND = new RegExp(
  `((?:^|[\\n\\r])[${LEADING_SPACE}${SKIPPED}]*):(?=[${SKIPPED}]*(?::|$))`,
  "gu",
);
/**
 * `##[` anywhere in a line: GitHub's legacy command form; `##vso[` (Azure Pipelines) and
 * `##teamcity[` (TeamCity) are the same idea, so any letters between `##` and `[` count.
 */
const LOG_COMMAND = new RegExp(
  `(#[${SKIPPED}]*#[${SKIPPED}]*(?:[a-z][a-z${SKIPPED}]*)?)\\[`,
  "giu",
);

/**
 * Makes sure no line of `text` can be read as a CI log command: the first colon of a `::` that
 * starts a line, and the bracket of `##[` (or `##vso[`, `##teamcity[`) anywhere, are written with
 * the sink's escapes. Everything else is left as it is, and applying it twice changes nothing.
 */
export function neutraliseCommands(text: string, escapes: CommandEscapes): string {
  let out = text;
  // Cheap tests first: a report's JSON is one long line full of colons and without a `#`.
  const lineStartColon =
    out.includes("\n") || out.includes("\r") ? out.includes(":") : COLON_FIRST.test(out);
  if (lineStartColon) out = out.replace(LINE_COMMAND, `$1${escapes.colon}`);
  if (out.includes("#")) out = out.replace(LOG_COMMAND, `$1${escapes.bracket}`);
  return out;
}

/**
 * neutraliseCommands for text written in pieces (a stream): a command split between two pieces
 * is caught too. It keeps the end of the current line as context for the next piece.
 */
export class CommandNeutraliser {
  /** Only leading space so far on the current line: a colon here would start a command. */
  private atLineStart = true;
  /** The end of the current line, for a `##[` that a piece boundary splits. */
  private lineTail = "";

  constructor(private readonly escapes: CommandEscapes = PLAIN) {}

  write(text: string): string {
    const lead = this.atLineStart ? "\n" : `x${this.lineTail}`;
    const joined = lead + text;
    // Only what lies in `text` may change: the lead was written already. Every replacement
    // changes only the last character of its match.
    const inText = (match: string, offset: number) => offset + match.length > lead.length;
    const out = joined
      .replace(LINE_COMMAND, (m: string, before: string, offset: number) =>
        inText(m, offset) ? before + this.escapes.colon : m,
      )
      .replace(LOG_COMMAND, (m: string, before: string, offset: number) =>
        inText(m, offset) ? before + this.escapes.bracket : m,
      );
    this.remember(joined);
    return out.slice(lead.length);
  }

  /** Output that did not pass through here (already neutralised by its format) ended a line or not. */
  passed(endsLine: boolean): void {
    this.atLineStart = endsLine;
    this.lineTail = "";
  }

  private remember(joined: string): void {
    const lastBreak = Math.max(joined.lastIndexOf("\n"), joined.lastIndexOf("\r"));
    const line = joined.slice(lastBreak + 1);
    this.atLineStart = lastBreak >= 0 && ONLY_LEADING.test(line);
    this.lineTail = line.slice(-TAIL_KEPT);
  }
}

const COLON_FIRST = new RegExp(`^[${LEADING_SPACE}${SKIPPED}]*:`, "u");
const ONLY_LEADING = new RegExp(`^[${LEADING_SPACE}${SKIPPED}]*$`, "u");
const TAIL_KEPT = 256;
