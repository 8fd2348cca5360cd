/**
 * Text from claims and articles is untrusted: each sink gets its own escaping so that nothing a
 * file contains can be interpreted by the terminal, the CI runner, Markdown, XML or HTML.
 */

/**
 * For the terminal: control characters (C0, DEL, C1), bidirectional overrides and invisible
 * format characters are shown as \u{…} escapes, so an ANSI sequence in a claim is visible text.
 * Newlines and tabs are shown as \n and \t: one finding stays on its own lines.
 */
export function escapeTerminal(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g,
    (ch) => {
      if (ch === "\n") return "\\n";
      if (ch === "\t") return "\\t";
      if (ch === "\r") return "\\r";
      return `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;
    },
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
  return text.replace(/[&<>"']/g, (ch) => htmlEntities[ch] ?? ch);
}

/** For XML text and attributes; characters XML 1.0 cannot carry at all are replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
      .replace(/[&<>"']/g, (ch) => (ch === "'" ? "&apos;" : (htmlEntities[ch] ?? ch)))
  );
}

/**
 * For a GitHub-flavoured Markdown table cell: HTML is escaped, pipes and backticks and other
 * Markdown punctuation are backslash-escaped, line breaks become spaces and other control
 * characters are shown as \u{…}. The apostrophe stays as it is: a numeric entity (`&#39;`)
 * would be broken by the backslash before its `#`.
 */
export function escapeMarkdownCell(text: string): string {
  return visibleControls(text.replace(/\r\n|\r|\n/g, " "))
    .replace(/[&<>"]/g, (ch) => htmlEntities[ch] ?? ch)
    .replace(/([\\`*_{}[\]()#+\-.!|~>])/g, "\\$1");
}

/**
 * Control characters (C0 other than LF and TAB, DEL, C1), bidirectional overrides and invisible
 * format characters shown as \u{…}, for sinks that keep line breaks (annotations, SARIF, XML
 * text) but must not pass an ANSI escape sequence or a hidden character through.
 */
export function visibleControls(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g,
    (ch) => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`,
  );
}

/** For an XML attribute value: like escapeXml, with line breaks and tabs kept as character references. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\n\r\t]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
