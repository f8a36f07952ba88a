// Differential: the error classes and code tables of the drop-in against @segment/actions-core.
import assert from "node:assert/strict";
import * as dropIn from "./actions_core.ts";
import { errorFacts, oracle } from "./_oracle_test.ts";

type Make = (lib: Record<string, unknown>) => unknown;
// deno-lint-ignore no-explicit-any
const ctor = (lib: Record<string, unknown>, name: string): any => lib[name];

const cases: [string, Make][] = [
  [
    "IntegrationError with code and status",
    (l) => new (ctor(l, "IntegrationError"))("Bad list", "LIST", 422),
  ],
  [
    "IntegrationError without code or status",
    (l) => new (ctor(l, "IntegrationError"))("Bare"),
  ],
  ["RetryableError default", (l) => new (ctor(l, "RetryableError"))()],
  [
    "RetryableError with status",
    (l) => new (ctor(l, "RetryableError"))("Later", 429),
  ],
  [
    "InvalidAuthenticationError default",
    (l) => new (ctor(l, "InvalidAuthenticationError"))(),
  ],
  [
    "InvalidAuthenticationError with code",
    (l) =>
      new (ctor(l, "InvalidAuthenticationError"))(
        "Expired",
        "REFRESH_TOKEN_EXPIRED",
      ),
  ],
  [
    "PayloadValidationError",
    (l) => new (ctor(l, "PayloadValidationError"))("Email is missing"),
  ],
  [
    "InvalidAudienceMembershipError",
    (l) => new (ctor(l, "InvalidAudienceMembershipError"))("Neither"),
  ],
  ["APIError", (l) => new (ctor(l, "APIError"))("Server said no", 503)],
  ["SelfTimeoutError", (l) => new (ctor(l, "SelfTimeoutError"))("Too slow")],
  [
    "RequestTimeoutError default",
    (l) => new (ctor(l, "RequestTimeoutError"))(),
  ],
  ["a destination's subclass of IntegrationError", (l) => {
    const Base = ctor(l, "IntegrationError");
    class ListArchivedError extends Base {
      constructor() {
        super("List archived", "ARCHIVED", 400);
      }
    }
    return new ListArchivedError();
  }],
];

Deno.test("error classes: same name, message, code and status as actions-core", async (t) => {
  for (const [name, make] of cases) {
    await t.step(name, () => {
      const ours = make(dropIn as unknown as Record<string, unknown>);
      const theirs = make(oracle);
      assert.deepEqual(errorFacts(ours), errorFacts(theirs));
      assert.equal((ours as Error).stack?.includes((ours as Error).name), true);
    });
  }
  await t.step("PayloadValidationError is an IntegrationError in both", () => {
    assert.equal(
      new dropIn.PayloadValidationError("x") instanceof dropIn.IntegrationError,
      new oracle.PayloadValidationError("x") instanceof oracle.IntegrationError,
    );
  });
});

Deno.test("error code tables match actions-core", async (t) => {
  await t.step(
    "ErrorCodes, HttpErrorCodes and CustomErrorCodes, keys in order",
    () => {
      for (
        const table of [
          "ErrorCodes",
          "HttpErrorCodes",
          "CustomErrorCodes",
        ] as const
      ) {
        assert.deepEqual(
          Object.entries(dropIn[table]),
          Object.entries(oracle[table]),
          table,
        );
      }
    },
  );
  await t.step("getErrorCodeFromHttpStatus for every status 0..999", () => {
    for (let status = 0; status < 1000; status++) {
      assert.equal(
        dropIn.getErrorCodeFromHttpStatus(status),
        oracle.getErrorCodeFromHttpStatus(status),
        `status ${status}`,
      );
    }
  });
});
