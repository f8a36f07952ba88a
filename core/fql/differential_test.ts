// Differential tests against Segment's @segment/destination-subscriptions 3.37.0
// (a test-only oracle): every generated query that destkit parses and for which
// explainFqlDifferences() finds nothing must match exactly the events Segment matches.
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  compileFql,
  explainFqlDifferences,
  FqlSyntaxError,
  parseFql,
  printFql,
} from "./mod.ts";
import {
  eventArbitrary,
  mixedQuery,
  mutatedQuery,
  queryArbitrary,
} from "./_arbitraries_test.ts";
import { subscriptionsOracle as segment } from "../segment/_subscriptions_oracle_test.ts";

const QUERY_COUNT = 10_000;
const EVENT_COUNT = 40;

Deno.test("matchesFql() agrees with Segment on every query without differences", async (t) => {
  const queries = fc.sample(mixedQuery, {
    seed: 20240611,
    numRuns: QUERY_COUNT,
  });
  const events = fc.sample(eventArbitrary, { seed: 7, numRuns: EVENT_COUNT });
  let sound = 0;
  let rejected = 0;
  let matched = 0;
  const disagreements: string[] = [];
  for (const query of queries) {
    let matches;
    try {
      matches = compileFql(parseFql(query));
    } catch (error) {
      assert.ok(
        error instanceof FqlSyntaxError,
        `untyped error for ${query}: ${error}`,
      );
      rejected++;
      continue;
    }
    if (explainFqlDifferences(query).length > 0) continue;
    sound++;
    const subscription = segment.parseFql(query);
    if (subscription.error) {
      disagreements.push(
        `${query}: Segment cannot parse it (${subscription.error.message})`,
      );
      continue;
    }
    for (const event of events) {
      const expected = segment.validate(subscription, event);
      if (matches(event) !== expected) {
        disagreements.push(
          `${query} on ${JSON.stringify(event)}: Segment says ${expected}`,
        );
        break;
      }
      if (expected) matched++;
    }
  }

  await t.step(
    `agrees on all ${sound} sound queries × ${EVENT_COUNT} events (${matched} matches)`,
    () => {
      assert.deepEqual(disagreements.slice(0, 10), []);
    },
  );
  await t.step(
    "generated enough sound, matching and rejected queries to mean something",
    () => {
      assert.ok(sound >= 1000, `only ${sound} sound queries`);
      assert.ok(matched >= 10_000, `only ${matched} matches`);
      assert.ok(
        rejected > 0 && rejected < QUERY_COUNT / 2,
        `${rejected} rejected`,
      );
    },
  );
});

Deno.test("printFql() output parses back to the same AST for generated queries", () => {
  const queries = fc.sample(queryArbitrary, { seed: 99, numRuns: 2000 });
  let printed = 0;
  for (const query of queries) {
    let ast;
    try {
      ast = parseFql(query);
    } catch {
      continue;
    }
    assert.deepEqual(parseFql(printFql(ast)), ast, query);
    printed++;
  }
  assert.ok(printed > 1000);
});

Deno.test("matchesFql() agrees with Segment on mutated queries without differences", async (t) => {
  const queries = fc.sample(mutatedQuery, { seed: 31337, numRuns: 20_000 });
  const events = fc.sample(eventArbitrary, { seed: 8, numRuns: EVENT_COUNT });
  let sound = 0;
  const disagreements: string[] = [];
  for (const query of queries) {
    let matches;
    try {
      matches = compileFql(query);
    } catch (error) {
      assert.ok(
        error instanceof FqlSyntaxError,
        `untyped error for ${query}: ${error}`,
      );
      continue;
    }
    if (explainFqlDifferences(query).length > 0) continue;
    sound++;
    const subscription = segment.parseFql(query);
    for (const event of events) {
      const expected = !subscription.error &&
        segment.validate(subscription, event);
      if (matches(event) !== expected) {
        disagreements.push(
          `${JSON.stringify(query)} on ${
            JSON.stringify(event)
          }: Segment says ${expected}`,
        );
        break;
      }
    }
  }
  await t.step(
    `agrees on all ${sound} sound mutated queries × ${EVENT_COUNT} events`,
    () => {
      assert.deepEqual(disagreements.slice(0, 10), []);
      assert.ok(sound >= 1000, `only ${sound} sound mutated queries`);
    },
  );
});
