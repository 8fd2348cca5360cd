/**
 * Findings as a terminal reader wants them: grouped by file, `line:col  severity  message  rule`,
 * with the diff under the message. Every string from a file is escaped for the terminal.
 */
import { type DiffPart, type Finding, sortFindings } from "../../findings/finding.js";
import type { Colors } from "../colors.js";
import { escapeTerminal, neutraliseCommands, PLAIN } from "../escape.js";

export function renderFindingsText(findings: readonly Finding[], c: Colors): string {
  const byFile = new Map<string, Finding[]>();
  for (const f of sortFindings(findings)) {
    const list = byFile.get(f.location.file) ?? [];
    list.push(f);
    byFile.set(f.location.file, list);
  }
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(c.underline(escapeTerminal(file)));
    for (const f of list) {
      const sev =
        f.severity === "error"
          ? c.red("error  ")
          : f.severity === "warning"
            ? c.yellow("warning")
            : c.blue("note   ");
      const pos = c.dim(`${f.location.line}:${f.location.column}`.padEnd(8));
      const ack = f.acknowledged ? c.green(" (acknowledged)") : "";
      out.push(`  ${pos} ${sev}  ${escapeTerminal(f.message)}${ack}  ${c.dim(f.ruleId)}`);
      if (f.diff) out.push(`           ${renderDiffLines(f.diff, c).join("\n           ")}`);
      for (const r of f.related.slice(0, 5)) {
        out.push(
          c.dim(
            `           ${escapeTerminal(r.file)}:${r.line}:${r.column} ${escapeTerminal(r.message)}`,
          ),
        );
      }
    }
    out.push("");
  }
  return neutraliseCommands(out.join("\n"), PLAIN);
}

/** Two lines for a diff: the expected side with removals marked, the actual side with additions. */
export function renderDiffLines(parts: readonly DiffPart[], c: Colors): string[] {
  let expected = "";
  let actual = "";
  for (const p of parts) {
    const text = escapeTerminal(p.text);
    if (p.op === 0) {
      expected += text;
      actual += text;
    } else if (p.op === -1) expected += c.isColorSupported ? c.bgRed(c.white(text)) : `[-${text}-]`;
    else actual += c.isColorSupported ? c.bgGreen(c.black(text)) : `{+${text}+}`;
  }
  return [`${c.dim("article:")} ${expected}`, `${c.dim("quote:  ")} ${actual}`];
}
