/**
 * One finding a line, `path:line:col: severity rule-id message`, for editors, problem matchers
 * and grep. Text from the files is escaped for the terminal (a newline in a message shows as
 * \n), so a finding never spills onto a second line; an acknowledged discrepancy says so.
 * Nothing else is printed: the totals are in the other formats and on the exit code.
 */
import { sortFindings } from "../../findings/finding.js";
import { escapeTerminal, neutraliseCommands, PLAIN } from "../escape.js";
import type { Formatter } from "./types.js";

export const formatLine: Formatter = (report) => {
  const lines = sortFindings(report.findings).map((f) => {
    const ack = f.acknowledged ? " (acknowledged)" : "";
    return `${escapeTerminal(f.location.file)}:${f.location.line}:${f.location.column}: ${f.severity} ${escapeTerminal(f.ruleId)} ${escapeTerminal(f.message)}${ack}`;
  });
  return lines.length > 0 ? neutraliseCommands(`${lines.join("\n")}\n`, PLAIN) : "";
};
