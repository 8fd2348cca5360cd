/**
 * `claimcheck suggest SOURCE [--write]`: proposed claims for what the article states and no
 * claim covers yet, as YAML in the claims file's format, each `status: suggested`. Without
 * --write the YAML goes to stdout, to paste under `claims:`; with --write it is appended to the
 * article's claims file, atomically, leaving every existing byte as it was.
 *
 * Dates, counts and statuses whose subject or property it cannot tell are not proposed: they
 * are listed on stderr as leads (line, value, quote, candidates), and --with-todos proposes
 * them as claims with TODOs instead.
 *
 * SOURCE is the article (sources/…) or its claims file (claims/…).
 * Exit codes: 0 done (also when there is nothing to suggest), 2 bad arguments, or --write on a
 * claims file with errors.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { assistSources, suggestFor } from "../../assist/project.js";
import type { Lead } from "../../assist/suggest.js";
import {
  AppendError,
  appendSuggestions,
  renderSuggestions,
  SUGGESTED_HEADER,
} from "../../assist/yaml-out.js";
import { writeFileAtomic } from "../../edit/atomic-write.js";
import { readProjectFiles } from "../../load/project-files.js";
import { checkProject } from "../../pipeline/check.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { escapeTerminal } from "../../report/escape.js";
import { EXIT } from "../exit-codes.js";
import { type Io, UserError } from "../io.js";
import { findProjectRoot } from "../project-root.js";
import { rethrowAsWriteError } from "../write-errors.js";
import { selectSources, warnAboutProblems } from "./coverage.js";
import { plural } from "./validate.js";

export interface SuggestOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  write?: boolean;
  withTodos?: boolean;
  maxFileSize?: number;
}

export async function runSuggest(
  sourceArg: string,
  options: SuggestOptions,
  io: Io,
): Promise<number> {
  const root = findProjectRoot(io.cwd, options.root);
  // The files are read once here, so that the text validated is known (see --write below).
  const read = await readProjectFiles({ root, maxFileBytes: options.maxFileSize });
  const result = await checkProject({ root, maxFileBytes: options.maxFileSize }, read);
  const [source] = await selectSources(io, root, [sourceArg], result.project.sources);
  if (!source) throw new UserError(`no claims file annotates ${sourceArg}`);
  const fileErrors = result.findings.filter(
    (f) => f.severity === "error" && f.location.file === source.claimsFile,
  );
  if (options.write && fileErrors.length > 0)
    throw new UserError(
      `${source.claimsFile} has ${plural(fileErrors.length, "error")}; fix them first (claimcheck validate), then suggest --write`,
    );
  warnAboutProblems(io, result.findings);
  const [assisted] = assistSources(result.project, result.grounding, (s) => s === source);
  if (!assisted) throw new UserError(`${source.sourcePath} could not be read`);
  const {
    proposed: suggestions,
    leads,
    restated,
  } = suggestFor(result.project, assisted, undefined, {
    withTodos: options.withTodos === true,
  });
  const c = makeColors(shouldColor(options.color, io.env, io.stderrIsTTY));
  const todos = suggestions.filter((s) => s.todo.subject || s.todo.property).length;
  const notes = [
    ...(todos > 0 ? [`${todos} with a TODO to fill in`] : []),
    ...(restated > 0 ? [`${restated} more not proposed: ${restatedNote(restated)}`] : []),
  ];
  const summary = `${plural(suggestions.length, "suggested claim")} for ${plural(assisted.coverage.counts.uncovered, "uncovered statement")} of ${escapeTerminal(source.sourcePath)}${
    notes.length > 0 ? ` (${notes.join("; ")})` : ""
  }`;
  // Leads go to stderr in every mode: stdout stays YAML to paste, and the file gets claims only.
  if (leads.length > 0) io.stderr(describeLeads(leads, c.dim));
  if (suggestions.length === 0) {
    io.stderr(
      nothingToSuggest(
        source.sourcePath,
        assisted.coverage.counts.uncovered,
        restated,
        leads.length,
      ),
    );
    return EXIT.ok;
  }

  const path = join(root, source.claimsFile);
  const fileText = await readFile(path, "utf8");
  if (!options.write) {
    const indent = claimsIndent(fileText);
    io.stdout(
      `${" ".repeat(indent)}# ${SUGGESTED_HEADER}\n${renderSuggestions(suggestions, indent)}`,
    );
    io.stderr(
      `${summary}\n${c.dim(`paste under claims: in ${escapeTerminal(source.claimsFile)}, or run again with --write`)}\n`,
    );
    return EXIT.ok;
  }
  let updated: string;
  try {
    updated = appendSuggestions(fileText, suggestions);
  } catch (error) {
    if (error instanceof AppendError)
      throw new UserError(`cannot append to ${source.claimsFile}: ${error.message}`);
    throw error;
  }
  // Saved from an editor while the suggestions were made: never append over it (the new text
  // may use the ids just suggested, or not parse). The text appended to is the text validated.
  const validated = read.files.claims.find((f) => f.file === source.claimsFile)?.text;
  const now = await readFile(path, "utf8").catch(() => undefined);
  if (now !== fileText || validated !== fileText.replace(/^\ufeff/, ""))
    throw new UserError(
      `${source.claimsFile} changed while the suggestions were being made; nothing was appended (run suggest again)`,
    );
  await writeFileAtomic(path, updated).catch((error: unknown) =>
    rethrowAsWriteError(error, source.claimsFile),
  );
  const ids = suggestions.map((s) => s.claim.id);
  io.stdout(
    `${c.green("✓")} ${escapeTerminal(source.claimsFile)}: appended ${summary} (${ids[0]}${ids.length > 1 ? ` … ${ids[ids.length - 1]}` : ""})\n` +
      `review each one: fill in the TODOs, fix what is wrong, then delete its "status: suggested" line to accept it\n`,
  );
  return EXIT.ok;
}

/**
 * The leads, one per line: where, what, the candidates, and the way to have them as drafts.
 * Text from the article is escaped for the terminal.
 */
export function describeLeads(leads: readonly Lead[], dim: (s: string) => string): string {
  const lines = leads.map((l) => {
    const unknown = [
      ...(l.todo.subject
        ? [`subject (${l.todo.subject.replace(/^choose the entity: /, "")})`]
        : []),
      ...(l.todo.property
        ? [`property (${l.todo.property.replace(/^choose the property: /, "")})`]
        : []),
    ];
    const quote = typeof l.claim.evidence === "string" ? l.claim.evidence : l.claim.evidence.quote;
    return `  ${escapeTerminal(l.comment)}: ${escapeTerminal(JSON.stringify(quote))}; unknown: ${escapeTerminal(unknown.join(", "))}`;
  });
  return `${plural(leads.length, "lead")}: values found whose subject or property is not clear, not proposed:\n${lines.join("\n")}\n${dim("annotate them by hand, or run again with --with-todos to have them as claims with TODOs")}\n`;
}

/** The column of the claims list's dashes, 2 when the list is empty. */
export function claimsIndent(text: string): number {
  const m = /^claims:[^\n]*\n(?:[ \t]*(?:#[^\n]*)?\n)*([ ]*)- /m.exec(text);
  return m ? (m[1]?.length ?? 2) : 2;
}

/** Why values were left out: the file already claims their fact, at another mention. */
function restatedNote(count: number): string {
  return `the file already claims ${count === 1 ? "its fact" : "their facts"} at another mention`;
}

/** Why no claim is proposed: all is covered, or what is not restates claimed facts or is unclear. */
function nothingToSuggest(
  sourcePath: string,
  uncovered: number,
  restated: number,
  leads: number,
): string {
  const of = escapeTerminal(sourcePath);
  if (uncovered === 0) return `nothing to suggest: every checkable statement of ${of} is covered\n`;
  const head = `nothing to suggest for the ${plural(uncovered, "uncovered statement")} of ${of}`;
  if (restated > 0)
    return `${head}: ${restated} ${restated === 1 ? "restates a fact" : "restate facts"} the file already claims at another mention${leads > 0 ? ", and the leads above are not clear enough to propose" : ""} (claimcheck coverage lists them)\n`;
  return `${head}: none is clear enough to propose a claim for (${leads > 0 ? "the leads above are what was found; " : ""}claimcheck coverage lists them)\n`;
}
