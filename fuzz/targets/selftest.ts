// A target that fails on purpose, to prove the campaign counts every kind of outcome.
import fc from "fast-check";
import { OK, type Outcome, TYPED, untyped } from "../_outcome.ts";
import type { Target } from "./_target.ts";

/** Mostly fine; sometimes an untyped failure, an exit, or a hang. */
export const selftestTarget: Target = {
  name: "selftest",
  arbitrary() {
    return fc.oneof(
      { weight: 40, arbitrary: fc.constant("ok") },
      { weight: 10, arbitrary: fc.constant("typed") },
      {
        weight: 4,
        arbitrary: fc.integer({ min: 1, max: 3 }).map((n) => `untyped ${n}`),
      },
      { weight: 1, arbitrary: fc.constant("exit") },
      { weight: 1, arbitrary: fc.constant("hang") },
    );
  },
  run(input: unknown): Promise<Outcome> {
    const kind = String(input);
    if (kind === "exit") Deno.exit(70);
    if (kind === "hang") {
      for (;;) {
        /* spins until the campaign kills the shard */
      }
    }
    if (kind === "typed") return Promise.resolve(TYPED);
    if (kind.startsWith("untyped")) {
      return Promise.resolve(
        untyped(`Planted failure ${kind.at(-1) === "1" ? "one" : "two"}`),
      );
    }
    return Promise.resolve(OK);
  },
};
