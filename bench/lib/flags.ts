/** Parses `--name value` and `--flag` arguments; a bare `--flag` gets `"true"`. */
export function parseFlags(args: readonly string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      throw new TypeError(`Cannot parse arguments: "${arg}" is not a --flag`);
    }
    const eq = arg.indexOf("=");
    if (eq > 0) {
      flags[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
      flags[arg.slice(2)] = args[++i];
    } else {
      flags[arg.slice(2)] = "true";
    }
  }
  return flags;
}
