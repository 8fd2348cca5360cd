/**
 * The command line: parses arguments and hands each command to its module under cli/commands.
 * Exit codes: 0 clean, 1 discrepancies that fail the run (or files that `fmt --check` would
 * change), 2 invalid input or usage, 3 an internal error (a bug: please report it).
 */
import { Command, CommanderError, Option } from "commander";
import { EXIT } from "./exit-codes.js";
import { fail, type Io, nodeIo } from "./io.js";

const VERSION = "0.1.0";

export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("claimcheck")
    .description("Check whether news sources agree: validate claims, ground evidence, compare sources.")
    .version(VERSION, "-V, --version")
    .option("-C, --root <dir>", "the repository root (holds claims/ and sources/)", ".")
    .addOption(new Option("--color", "force colour output"))
    .addOption(new Option("--no-color", "disable colour output"))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    });

  const globals = () => program.opts<{ root: string; color?: boolean }>();

  program
    .command("validate")
    .description("validate every claims file and ground every evidence quote in its article")
    .option("--max-file-size <bytes>", "largest file read, in bytes", parseSize)
    .action(async (opts: { maxFileSize?: number }) => {
      const { runValidate } = await import("./commands/validate.js");
      exitCode = await runValidate({ ...globals(), ...opts }, io);
    });

  program
    .command("schema")
    .description("write or check the JSON Schema files that editors use")
    .option("--write", "write claims.schema.json, vocabulary.schema.json and acknowledged.schema.json")
    .option("--check", "exit 1 when a schema file is stale")
    .action(async (opts: { write?: boolean; check?: boolean }) => {
      const { runSchema } = await import("./commands/schema.js");
      exitCode = await runSchema({ ...globals(), ...opts }, io);
    });

  try {
    await program.parseAsync(argv as string[], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
        return EXIT.ok;
      }
      return EXIT.invalid;
    }
    return fail(io, error);
  }
  return exitCode;
}

function parseSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new CommanderError(2, "claimcheck.size", `expected a positive whole number of bytes, got "${value}"`);
  return n;
}
