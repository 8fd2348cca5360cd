/**
 * Colour on a terminal only: --color/--no-color win, then NO_COLOR (non-empty) disables,
 * then FORCE_COLOR (not "0") enables, else colour when the stream is a TTY and TERM is not dumb.
 */
import pc from "picocolors";

export type Colors = ReturnType<typeof pc.createColors>;

export function shouldColor(
  flag: boolean | undefined,
  env: NodeJS.ProcessEnv,
  isTTY: boolean | undefined,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY === true && env.TERM !== "dumb";
}

export function makeColors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}
