/**
 * The command line: parses arguments and hands each command to its module under cli/commands.
 * Exit codes: 0 clean, 1 discrepancies that fail the run (or files that `fmt --check` would
 * change), 2 invalid input or usage, 3 an internal error (a bug: please report it).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { visibleControls } from "../report/escape.js";
import { suggestion } from "../validate/did-you-mean.js";
import { EXIT } from "./exit-codes.js";
import { fail, type Io, nodeIo, UserError } from "./io.js";
import { guardOutput } from "./log-guard.js";
import { withProgress } from "./progress.js";
import { VERSION } from "./version.js";

export async function main(argv: readonly string[], terminal: Io = nodeIo()): Promise<number> {
  // Every byte this run prints goes through the guard that keeps CI logs safe (log-guard.ts).
  const guarded = guardOutput(terminal);
  try {
    return await run(argv, guarded.io);
  } finally {
    guarded.end();
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("claimcheck")
    .description(
      "Check whether news sources agree: validate claims, ground evidence, compare sources.",
    )
    .version(VERSION, "-v, --version")
    .option(
      "-C, --root <dir>",
      "the repository root, holding claims/ and sources/ (default: the nearest folder holding claims/, from the current one upward)",
    )
    .addOption(new Option("--color", "force colour output"))
    .addOption(new Option("--no-color", "disable colour output"))
    .option(
      "--cache",
      "reuse the work done for unchanged files (stored under node_modules/.cache/claimcheck)",
    )
    .option("--cache-location <path>", "where to keep the cache (implies --cache)")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      // Usage errors repeat the arguments: hidden characters in them are shown, not sent.
      writeErr: (s) => io.stderr(visibleControls(s)),
    });

  const globals = () =>
    program.opts<{ root?: string; color?: boolean; cache?: boolean; cacheLocation?: string }>();
  /** `--watch`: run `once` now and after every change until Ctrl-C (see watch.ts). */
  const watchCommand = async (once: () => Promise<number>) => {
    const [{ watchAndRun }, { findProjectRoot }] = await Promise.all([
      import("./watch.js"),
      import("./project-root.js"),
    ]);
    return watchAndRun({ root: findProjectRoot(io.cwd, globals().root), io, run: once });
  };

  program
    .command("validate")
    .description("validate every claims file and ground every evidence quote in its article")
    .argument(
      "[files...]",
      "show only what concerns these claims files or articles (the whole project is still read)",
    )
    .option(
      "-f, --format <name>",
      "output format (repeatable): text (also called table), json, html, github, markdown, sarif, junit, line",
      collect,
      [],
    )
    .option(
      "-o, --output <file>",
      "write a format to a file: FILE, or FORMAT=FILE (repeatable)",
      collect,
      [],
    )
    .option(
      "--sarif-notes",
      "include notes (single-source facts, variants) in SARIF; left out by default, as each would be a code-scanning alert",
    )
    .option("-q, --quiet", "show errors only (warnings still count for --max-warnings)")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parseCount)
    .option("--max-file-size <bytes>", "largest file read, in bytes", parseSize)
    .option(
      "--max-string-length <chars>",
      "longest string a claims file or the vocabulary may hold, in characters (default 10000)",
      parseSize,
    )
    .option(
      "-w, --watch",
      "validate again whenever a claims file, the vocabulary or an article changes",
    )
    .action(async (files: string[], opts: ValidateCliOptions) => {
      const [{ runValidate }, { resolveOutputs }] = await Promise.all([
        import("./commands/validate.js"),
        import("./outputs.js"),
      ]);
      const outputs = resolveOutputs(opts.format, opts.output, io.cwd, io.env);
      const once = (shown = io) => runValidate({ ...globals(), ...opts, outputs, files }, shown);
      exitCode = opts.watch ? await watchCommand(once) : await withProgress(io, once);
    });

  program
    .command("report")
    .description(
      "compare what the sources say: agreements, compatible values, conflicts, single-source facts",
    )
    .argument("[files...]", "only the facts with a claim in these claims files or articles")
    .option(
      "-f, --format <name>",
      "output format (repeatable): text (also called table), json, html, github, markdown, sarif, junit, line",
      collect,
      [],
    )
    .option(
      "-o, --output <file>",
      "write a format to a file: FILE, or FORMAT=FILE (repeatable)",
      collect,
      [],
    )
    .option(
      "--sarif-notes",
      "include notes (single-source facts, variants) in SARIF; left out by default, as each would be a code-scanning alert",
    )
    .option("-q, --quiet", "show errors only (warnings still count for --max-warnings)")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", parseCount)
    .option("--subject <id>", "only facts about this entity (repeatable)", collect, [])
    .option("--property <id>", "only facts with this property (repeatable)", collect, [])
    .option(
      "--source <name>",
      "only facts this source states: short name or file (repeatable)",
      collect,
      [],
    )
    .addOption(
      new Option(
        "--verdict <verdict>",
        "only facts with this verdict (repeatable): conflict, compatible, agree, single-source",
      )
        .argParser(collectChoice(["conflict", "compatible", "agree", "single-source"]))
        .default([]),
    )
    .addOption(
      new Option("--fail-on <what>", "what fails the run (exit 1)")
        .choices(["conflict", "compatible", "single-source", "never"])
        .default("conflict"),
    )
    .option("--strict", "stale acknowledgements fail the run")
    .option(
      "--changed-since <ref>",
      "only facts with a claim in a file changed since this git ref (committed or not)",
    )
    .option(
      "--baseline <ref>",
      "mark each finding new or unchanged against the report at this git ref (its merge base with HEAD), and list what was fixed",
    )
    .addOption(
      new Option("--fail-scope <scope>", "with --baseline: what --fail-on looks at").choices([
        "new",
        "all",
      ]),
    )
    .option(
      "--keep-going",
      "report on the valid files even when some are invalid (the report says it is partial)",
    )
    .option("--max-file-size <bytes>", "largest file read, in bytes", parseSize)
    .option(
      "--max-string-length <chars>",
      "longest string a claims file or the vocabulary may hold, in characters (default 10000)",
      parseSize,
    )
    .option(
      "-w, --watch",
      "report again whenever a claims file, the vocabulary or an article changes",
    )
    .action(async (files: string[], opts: ReportCliOptions) => {
      const [{ runReportCommand }, { resolveOutputs }] = await Promise.all([
        import("./commands/report.js"),
        import("./outputs.js"),
      ]);
      if (opts.failScope && !opts.baseline)
        throw new UserError("--fail-scope needs --baseline: without one, every finding counts");
      const outputs = resolveOutputs(opts.format, opts.output, io.cwd, io.env);
      const once = (shown = io) =>
        runReportCommand({ ...globals(), ...opts, outputs, files }, shown);
      exitCode = opts.watch ? await watchCommand(once) : await withProgress(io, once);
    });

  program
    .command("schema")
    .description("write or check the JSON Schema files that editors use")
    .option(
      "--write",
      "write claims.schema.json, vocabulary.schema.json and acknowledged.schema.json",
    )
    .option("--check", "exit 1 when a schema file is missing or out of date")
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const { runSchema } = await import("./commands/schema.js");
      exitCode = await runSchema({ ...globals(), ...opts }, io);
    });

  program
    .command("setup")
    .description(
      "make this folder a claims repository: claims/ with a vocabulary, sources/, schemas, editor and CI files; never overwrites",
    )
    .action(async () => {
      const { runSetup } = await import("./commands/setup.js");
      exitCode = await runSetup(globals(), io);
    });

  program
    .command("init")
    .description(
      "start the claims file for an article: claims/<name>.yaml with its header filled in",
    )
    .argument("<article>", "the article's text file, e.g. sources/2024-02-06_outlet_title.txt")
    .action(async (article: string) => {
      const { runInit } = await import("./commands/init.js");
      exitCode = await runInit(article, globals(), io);
    });

  program
    .command("find")
    .description("find a quote in the articles as grounding does; exit 0 found, 1 not found")
    .argument("<quote>", "the words to find")
    .option("--source <file>", "only this article")
    .action(async (quote: string, opts: { source?: string }) => {
      const { runFind } = await import("./commands/find.js");
      exitCode = await runFind(quote, { ...globals(), ...opts }, io);
    });

  program
    .command("fmt")
    .description(
      "format claims files and the vocabulary (key order, indentation, quoting), keeping comments",
    )
    .argument("[files...]", "files to format (default: every file in claims/)")
    .option("--check", "change nothing; exit 1 and list the files that would change")
    .action(async (files: string[], opts: { check?: boolean }) => {
      const { runFmt } = await import("./commands/fmt.js");
      exitCode = await withProgress(io, (shown) => runFmt({ ...globals(), ...opts, files }, shown));
    });

  program
    .command("coverage")
    .description(
      "how much of what each article states (dates, counts, names, titles, status) claims cover",
    )
    .argument("[sources...]", "articles or their claims files (default: all)")
    .addOption(
      new Option("-f, --format <name>", "output format: text (also called table) or json")
        .choices(["text", "table", "json"])
        .default("text"),
    )
    .option("--max-file-size <bytes>", "largest file read, in bytes", parseSize)
    .action(async (sources: string[], opts: { format: string; maxFileSize?: number }) => {
      const { runCoverage } = await import("./commands/coverage.js");
      exitCode = await withProgress(io, (shown) =>
        runCoverage(sources, { ...globals(), ...opts }, shown),
      );
    });

  program
    .command("suggest")
    .description("propose claims (status: suggested) for what an article states that none covers")
    .argument("<source>", "the article, or its claims file")
    .option("--write", "append the suggestions to the article's claims file")
    .option(
      "--with-todos",
      "also propose the dates, counts and statuses whose subject or property it cannot tell, with TODOs to fill in",
    )
    .option("--max-file-size <bytes>", "largest file read, in bytes", parseSize)
    .action(
      async (
        source: string,
        opts: { write?: boolean; withTodos?: boolean; maxFileSize?: number },
      ) => {
        const { runSuggest } = await import("./commands/suggest.js");
        exitCode = await withProgress(io, (shown) =>
          runSuggest(source, { ...globals(), ...opts }, shown),
        );
      },
    );

  try {
    await program.parseAsync(argv as string[], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      ) {
        return EXIT.ok;
      }
      return EXIT.invalid;
    }
    return fail(io, error);
  }
  return exitCode;
}

interface ValidateCliOptions {
  format: string[];
  output: string[];
  sarifNotes?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  maxFileSize?: number;
  maxStringLength?: number;
  watch?: boolean;
}

interface ReportCliOptions {
  format: string[];
  output: string[];
  sarifNotes?: boolean;
  quiet?: boolean;
  maxWarnings?: number;
  subject: string[];
  property: string[];
  source: string[];
  verdict: ("conflict" | "compatible" | "agree" | "single-source")[];
  failOn: "conflict" | "compatible" | "single-source" | "never";
  strict?: boolean;
  keepGoing?: boolean;
  maxFileSize?: number;
  maxStringLength?: number;
  changedSince?: string;
  baseline?: string;
  failScope?: "new" | "all";
  watch?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A repeatable option with fixed choices: commander's .choices() and a collecting parser do not mix. */
function collectChoice(choices: readonly string[]) {
  return (value: string, previous: string[]): string[] => {
    if (!choices.includes(value))
      throw new InvalidArgumentError(`allowed: ${choices.join(", ")}${suggestion(value, choices)}`);
    return [...previous, value];
  };
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n))
    throw new InvalidArgumentError(`expected a whole number of 0 or more, got "${value}"`);
  return n;
}

function parseSize(value: string): number {
  const n = Number(value);
  // InvalidArgumentError, not CommanderError: commander prints its message with the option's name.
  if (!Number.isInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}
