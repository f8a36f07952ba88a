// deno-lint-ignore-file no-console

/** Whether output is coloured: only on a terminal, and never with `NO_COLOR` set. */
export function hasColor(): boolean {
  return !Deno.noColor && Deno.stdout.isTerminal();
}

function paint(open: number, close: number): (text: string) => string {
  return (text) => hasColor() ? `\x1b[${open}m${text}\x1b[${close}m` : text;
}

/** ANSI styles that fall back to plain text without colour. */
export const style = {
  bold: paint(1, 22),
  dim: paint(2, 22),
  red: paint(31, 39),
  green: paint(32, 39),
  yellow: paint(33, 39),
  cyan: paint(36, 39),
};

/** Prints a CLI error (in red on a terminal) to stderr. */
export function printError(message: string): void {
  console.error(`${style.red(style.bold("error"))}: ${message}`);
}

/** Returns the message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a command's `main`, printing a thrown error as one line and exiting
 * with status 1, so that no stack trace reaches users for a usage error.
 */
export async function runMain(
  main: () => Promise<number | void>,
): Promise<never> {
  let code: number;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    printError(messageOf(error));
    code = 1;
  }
  Deno.exit(code);
}
