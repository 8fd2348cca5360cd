/**
 * The terminal report: one row per fact (conflicts first), each value with the sources that give
 * it and, for differences, the differing words or characters highlighted; then the summary, the
 * per-source agreement rates and the source-by-source matrix. Readable at 80 columns.
 */
import type CliTable from "cli-table3";
import { describeKind } from "../../compare/group-findings.js";
import type { GroupResult, ValueCluster, Verdict } from "../../compare/result.js";
import type { DiffPart, Finding } from "../../findings/finding.js";
import { type Colors, makeColors } from "../colors.js";
import { escapeTerminal, neutraliseCommands, PLAIN } from "../escape.js";
import type { ReportResult } from "../report-result.js";
import {
  conflictNotes,
  formLines,
  marksConflict,
  sourcesWithYears,
  validationLine,
} from "./common.js";
import { renderFindingsText } from "./findings-text.js";
import {
  type GridCell,
  graphemesOf,
  isNarrow,
  loadWideWidths,
  renderGrid,
  type Styled,
} from "./text-grid.js";
import type { FormatContext, Formatter } from "./types.js";

const VERDICT_LABEL: Record<Verdict, string> = {
  conflict: "✗ conflict",
  compatible: "≈ compatible",
  agree: "✓ agree",
  "single-source": "· single source",
};

export const formatTable: Formatter = (report, ctx) => {
  if (report.validationOnly) return validationTable(report, ctx.colors);
  const c = ctx.colors;
  const out: string[] = [];
  const fileFindings = report.findings.filter((f) => !f.group && f.severity !== "note");
  const notes = report.findings.filter((f) => !f.group && f.severity === "note");
  if (fileFindings.length + notes.length > 0) {
    out.push(
      c.bold("Problems and notes in the claims files"),
      "",
      renderFindingsText([...fileFindings, ...notes], c),
    );
  }
  if (report.groups.length > 0) out.push(groupTable(report.groups, ctx));
  out.push(summary(report, c));
  out.push(agreementTable(report, ctx));
  const matrix = matrixTable(report, ctx);
  if (matrix) out.push(matrix);
  // Escaped pieces side by side could still spell a log command: the whole text is checked.
  return neutraliseCommands(`${out.filter((s) => s !== "").join("\n")}\n`, PLAIN);
};

/**
 * Loads what the table needs to measure this report's text: string-width, unless every piece of
 * text the fact table will hold is in the narrow class (as in most reports), or when the report is
 * not known in advance.
 */
export async function prepareTable(report?: ReportResult, width?: number): Promise<void> {
  // cli-table3 draws the source-by-source matrix; a matrix too wide for the terminal is a list
  // instead (20 sources do not fit 80 columns), and then cli-table3 is not loaded at all.
  const tooWide =
    report !== undefined && width !== undefined && matrixWidthAtLeast(report, width) > width;
  if (!tooWide && Table === undefined) Table = (await import("cli-table3")).default;
  const narrow = (rows: GridCell[][]) =>
    rows.every((row) =>
      row.every((cell) => cell.every((line) => line.every((piece) => isNarrow(piece.text)))),
    );
  const allNarrow =
    report !== undefined &&
    narrow(plainGroupRows(report.groups)) &&
    narrow(agreementRows(report.agreement));
  if (!allNarrow) await loadWideWidths();
}

/**
 * Rows are built once per report for the checks above and for a table without colour (the usual
 * case in CI and pipes), which is drawn from the same rows; a coloured table needs its own styles.
 */
const rowsWithoutColour = new WeakMap<readonly GroupResult[], GridCell[][]>();

function plainGroupRows(groups: readonly GroupResult[]): GridCell[][] {
  let rows = rowsWithoutColour.get(groups);
  if (!rows) {
    rows = groupRows(groups, makeColors(false));
    rowsWithoutColour.set(groups, rows);
  }
  return rows;
}

function groupTable(groups: readonly GroupResult[], ctx: FormatContext): string {
  const c = ctx.colors;
  const width = Math.max(60, ctx.width);
  // Borders and padding take 10 columns; the rest is shared 30/50/20.
  const usable = width - 10;
  const factWidth = Math.max(16, Math.floor(usable * 0.3));
  const verdictWidth = Math.max(14, Math.floor(usable * 0.2));
  const valuesWidth = usable - factWidth - verdictWidth;
  return renderGrid(c.isColorSupported ? groupRows(groups, c) : plainGroupRows(groups), {
    head: ["Fact", "Values (sources)", "Verdict"],
    widths: [factWidth, valuesWidth, verdictWidth],
    headStyle: c.isColorSupported ? c.bold : undefined,
    borderStyle: c.isColorSupported ? c.gray : undefined,
  });
}

function groupRows(groups: readonly GroupResult[], c: Colors): GridCell[][] {
  return groups.map((g): GridCell[] => {
    const asOf: Styled[] = g.asOf ? [{ text: ` (as of ${g.asOf})`, style: c.dim }] : [];
    const fact: GridCell = [
      [{ text: escapeTerminal(clip(g.subjectLabel)) }],
      [{ text: escapeTerminal(clip(g.propertyLabel)), style: c.dim }, ...asOf],
    ];
    const values: GridCell = g.values.flatMap((v, i) => [
      valueLine(v, i === 0, g, c),
      ...formLines(v).map((f): Styled[] => [
        { text: `  ${escapeTerminal(clip(f))}`, style: c.dim },
      ]),
    ]);
    const verdict: Styled[][] = [[verdictText(g.verdict, c)]];
    for (const note of conflictNotes(g))
      verdict.push([{ text: escapeTerminal(clip(note)), style: c.red }]);
    // A status out of time says why in its note; the kind would only repeat it.
    if (g.kind && !g.timeline) verdict.push([{ text: describeKind(g.kind), style: c.dim }]);
    if (g.acknowledged) verdict.push([{ text: "acknowledged", style: c.green }]);
    return [fact, values, verdict];
  });
}

function valueLine(v: ValueCluster, isReference: boolean, g: GroupResult, c: Colors): Styled[] {
  const line: Styled[] =
    !isReference && v.relation !== "agree"
      ? highlight(v, c)
      : [{ text: escapeTerminal(clip(v.display)) }];
  if (g.verdict !== "single-source") {
    if (marksConflict(g, v)) line.push({ text: " ✗", style: c.red });
    else if (!isReference && v.relation !== "agree") line.push({ text: " ≈", style: c.yellow });
  }
  if (!isReference && v.detail) {
    line.push({ text: ` (${escapeTerminal(clip(v.detail))})`, style: c.dim });
  }
  line.push({ text: " — " }, { text: escapeTerminal(clip(sourcesWithYears(v))), style: c.dim });
  return line;
}

/** The value with the parts that differ from the majority marked: colour, or [brackets] without it. */
export function highlight(v: ValueCluster, c: Colors): Styled[] {
  const parts: DiffPart[] | undefined = v.charDiff ?? v.wordDiff;
  if (!parts) return [{ text: escapeTerminal(clip(v.display)) }];
  const marked = (text: string): string => c.bold(c.red(c.underline(text)));
  const out: Styled[] = [];
  let room = MAX_CELL_TEXT;
  for (const p of parts) {
    if (p.op === -1) continue;
    if (room <= 0) {
      out.push({ text: "…" });
      break;
    }
    const cut = clip(p.text, room);
    room -= p.text.length;
    const text = escapeTerminal(cut);
    if (p.op === 0) out.push({ text });
    else if (c.isColorSupported) out.push({ text, style: marked });
    else out.push({ text: `[${text}]` });
    if (cut !== p.text) break;
  }
  return out;
}

/**
 * The most a cell shows of one value, label or detail; the rest is cut with "…". A reader scans
 * the table; the whole text is in the other formats. (cli-table3, which draws the matrix, also
 * takes time that grows with the square of a cell's text.)
 */
export const MAX_CELL_TEXT = 300;

export function clip(text: string, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  // Never cut a surrogate pair in half.
  if (/[\ud800-\udbff]/.test(text[end - 1] ?? "")) end--;
  return `${text.slice(0, end)}…`;
}

function verdictText(v: Verdict, c: Colors): Styled {
  const text = VERDICT_LABEL[v];
  if (v === "conflict") return { text, style: (t) => c.red(c.bold(t)) };
  if (v === "compatible") return { text, style: c.yellow };
  if (v === "agree") return { text, style: c.green };
  return { text, style: c.dim };
}

/** What validation found, file by file, and one closing line: nothing was compared. */
function validationTable(report: ReportResult, c: Colors): string {
  const closing = validationLine(report) ?? "";
  const line = report.summary.severities.error > 0 ? c.red(closing) : `${c.green("✓")} ${closing}`;
  const problems = report.findings.length > 0 ? renderFindingsText(report.findings, c) : "";
  return neutraliseCommands(`${problems}${line}\n`, PLAIN);
}

function summary(report: ReportResult, c: Colors): string {
  const v = report.summary.verdicts;
  const total = report.groups.length;
  const lines = [
    "",
    c.bold(`${total} facts compared across ${report.sources.length} sources`),
    `  ${c.red(`${v.conflict} in conflict`)}${report.summary.acknowledged ? ` (${report.summary.acknowledged} acknowledged)` : ""}, ${c.yellow(`${v.compatible} compatible`)}, ${c.green(`${v.agree} agree`)}, ${v["single-source"]} single-source`,
  ];
  if (report.summary.leftOut > 0)
    lines.push(c.dim(`  ${report.summary.leftOut} facts left out by filters`));
  if (report.partial) {
    lines.push(
      c.yellow(
        `  partial report: ${report.invalidFiles.length} file(s) could not be read (${report.invalidFiles.join(", ")})`,
      ),
    );
  }
  return lines.join("\n");
}

function agreementTable(report: ReportResult, ctx: FormatContext): string {
  const c = ctx.colors;
  // One row per source, thousands in a large repository: the grid, which is linear in its rows.
  const table = renderGrid(agreementRows(report.agreement), {
    head: ["Source", "Shared facts", "Agreeing", "Rate"],
    headStyle: c.isColorSupported ? c.bold : undefined,
    borderStyle: c.isColorSupported ? c.gray : undefined,
  });
  return `\n${c.bold("Agreement by source")} ${c.dim("(of the facts a source shares with others, how many agree with the majority)")}\n${table}`;
}

function agreementRows(agreement: ReportResult["agreement"]): GridCell[][] {
  return agreement.map((a): GridCell[] => [
    [[{ text: escapeTerminal(a.source) }]],
    [[{ text: String(a.shared) }]],
    [[{ text: String(a.agreeing) }]],
    [[{ text: a.rate === null ? "—" : `${Math.round(a.rate * 100)}%` }]],
  ]);
}

/** cli-table3, loaded by prepareTable when the matrix may fit the terminal. */
let Table: typeof CliTable | undefined;

/** Plain ASCII (most names) shows a column per character, with no segmenter to make. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * At most the width cli-table3 gives the matrix: each column is its widest cell plus a space on
 * each side, with a border between columns and at each end. A cell is counted a column per
 * character (grapheme) that shows; wide ones take two, so this never counts more than drawn.
 */
export function matrixWidthAtLeast(report: ReportResult, limit = Number.POSITIVE_INFINITY): number {
  const m = report.matrix;
  if (!m || report.agreement.length < 2) return 0;
  const shows = (text: string) => {
    if (PRINTABLE_ASCII.test(text)) return text.length;
    let n = 0;
    for (const segment of graphemesOf(text)) if (!/^[\p{M}\p{Cf}]+$/u.test(segment)) n++;
    return n;
  };
  let widestName = 0;
  for (const name of matrixNames(report)) widestName = Math.max(widestName, shows(name));
  let total = 1 + widestName + 3;
  // Past the limit the rest of the columns cannot make it fit: a matrix of thousands of sources
  // is not measured whole.
  for (let j = 0; j < m.length && total <= limit; j++) {
    let widest = String(j + 1).length;
    m.forEach((row, i) => {
      const cell = row[j];
      if (cell !== undefined) widest = Math.max(widest, matrixCellText(cell, i, j).length);
    });
    total += widest + 3;
  }
  return total;
}

/** The matrix's row names: numbered, so that its columns can be the numbers alone. */
function matrixNames(report: ReportResult): string[] {
  return report.agreement.map((a, i) => `${i + 1} ${escapeTerminal(a.source)}`);
}

/** A matrix cell as written: "—" on the diagonal, "·" for nothing shared, else agreeing/shared. */
function matrixCellText(cell: { agreeing: number; shared: number }, i: number, j: number): string {
  return i === j ? "—" : cell.shared === 0 ? "·" : `${cell.agreeing}/${cell.shared}`;
}

/** A colour or style sequence, as cli-table3 draws borders with them. */
const ANSI_STYLE = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

function matrixTable(report: ReportResult, ctx: FormatContext): string | undefined {
  const m = report.matrix;
  if (!m || report.agreement.length < 2) return undefined;
  const c = ctx.colors;
  if (matrixWidthAtLeast(report, ctx.width) > ctx.width) return pairList(report, ctx);
  if (Table === undefined) throw new Error("internal: the table format was not prepared");
  // Columns are numbered so that the matrix fits 80 columns whatever the sources are called.
  const names = matrixNames(report);
  const table = new Table({
    head: ["", ...names.map((_, i) => String(i + 1))],
    style: { head: c.isColorSupported ? ["bold"] : [], border: c.isColorSupported ? ["grey"] : [] },
  });
  m.forEach((row, i) => {
    table.push([
      names[i] ?? "",
      ...row.map((cell, j) => {
        const text = matrixCellText(cell, i, j);
        return text === "·" ? c.dim(text) : text;
      }),
    ]);
  });
  const drawn = table.toString();
  // The top border: one column per character, once its colour is taken off.
  const top = (drawn.split("\n", 1)[0] ?? "").replace(ANSI_STYLE, "");
  if ([...top].length <= ctx.width)
    return `\n${c.bold("Source by source")} ${c.dim("(agreeing / shared facts)")}\n${drawn}`;
  return pairList(report, ctx);
}

/**
 * The matrix as a list, when its columns do not fit the terminal: each pair of sources that
 * disagrees on some fact they share, then how many pairs agree on every one.
 */
function pairList(report: ReportResult, ctx: FormatContext): string {
  const c = ctx.colors;
  const m = report.matrix ?? [];
  const names = report.agreement.map((a) => escapeTerminal(a.source));
  const lines: string[] = [];
  let agreeing = 0;
  m.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (j <= i || cell.shared === 0) return;
      if (cell.agreeing === cell.shared) agreeing++;
      else lines.push(`  ${names[i]} — ${names[j]}: ${cell.agreeing}/${cell.shared}`);
    });
  });
  const heading = `${c.bold("Source by source")} ${c.dim("(pairs that disagree on a shared fact: agreeing / shared facts)")}`;
  const rest = `  ${agreeing} other pair${agreeing === 1 ? "" : "s"} agree on every fact they share`;
  return `\n${heading}\n${[...(lines.length > 0 ? lines : ["  none"]), rest].join("\n")}`;
}

export type { Finding };
