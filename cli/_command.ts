import { Command } from "@commander-js/extra-typings";
import config from "../deno.json" with { type: "json" };

/** destkit's version, from deno.json. */
export const VERSION: string = config.version;

/**
 * A `deno task <task>` command with what every task shares: `--version`,
 * `--help` (with the examples given), and usage errors printed as one
 * `error:` line with a pointer to `--help`.
 */
export function createCommand(
  task: string,
  description: string,
  examples: readonly string[],
): Command {
  return new Command(`deno task ${task}`)
    .description(description)
    .version(`destkit ${VERSION}`, "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help with examples")
    .showHelpAfterError(`(run deno task ${task} --help for usage and examples)`)
    .addHelpText(
      "after",
      `\nExamples:\n${examples.map((example) => `  $ ${example}`).join("\n")}`,
    );
}
