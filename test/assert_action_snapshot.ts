import {
  type AuthTokens,
  type DestinationDefinition,
  type InputFields,
} from "@destkit/core";
import { redactRecordedRequest } from "@destkit/core/tooling";
import { assertSnapshot } from "./assert_snapshot.ts";
import { createTestIntegration } from "./create_test_integration.ts";
import { generateTestData } from "./generate_test_data.ts";

/** Options for {@linkcode assertActionSnapshot}. */
export interface AssertActionSnapshotOptions {
  /** The data seed. @default {the action name} */
  seed?: string | number;
  /** Whether only required fields get a value. @default {false} */
  requiredOnly?: boolean;
  /** The settings. @default {generated from the authentication fields} */
  settings?: Record<string, unknown>;
  /** OAuth tokens. @default {{ accessToken: "test-access-token" }} */
  auth?: AuthTokens;
  /** Whether to write the snapshot instead of comparing (see `assertSnapshot`). @default {`--update`/`-u` or UPDATE_SNAPSHOTS=1} */
  update?: boolean;
}

/**
 * Runs action `name` on data generated from its fields (every request answered 200 `{}`)
 * and compares the outcome and the requests it made (method, URL, headers, body as JSON when it is) with
 * the snapshot beside the test: the test every scaffolded action gets. The snapshot
 * never holds a secret: the values of password settings and the OAuth tokens are
 * `[redacted]` wherever they appear, and so is every credential header.
 *
 * @throws {AssertionError} when the snapshot differs.
 *
 * @example
 * ```ts ignore
 * import { assertActionSnapshot } from "@destkit/test";
 * import destination from "../index.ts";
 *
 * Deno.test("postToChannel: request snapshot", async (t) => {
 *   await assertActionSnapshot(t, destination, "postToChannel");
 *   await assertActionSnapshot(t, destination, "postToChannel", { requiredOnly: true });
 * });
 * ```
 */
export async function assertActionSnapshot<
  const A extends InputFields,
  const Acts extends Record<string, InputFields>,
>(
  t: Deno.TestContext,
  definition: DestinationDefinition<A, Acts>,
  name: keyof Acts & string,
  options: AssertActionSnapshotOptions = {},
): Promise<void> {
  const loose = definition as unknown as DestinationDefinition;
  const action = loose.actions[name];
  if (action === undefined) {
    throw new RangeError(
      `Cannot snapshot action "${name}": the destination has no such action`,
    );
  }
  const seed = options.seed ?? name;
  const requiredOnly = options.requiredOnly ?? false;
  const { event, mapping } = generateTestData(action.fields, {
    seed,
    requiredOnly,
  });
  const settings = options.settings ??
    generateTestData(loose.authentication?.fields ?? {}, {
      seed: `${seed}:settings`,
    }).payload;
  const integration = createTestIntegration(loose, { assertDone: false });
  integration.intercept(/.*/).any().query(true).persist().reply(200, {});
  const auth = options.auth ?? { accessToken: "test-access-token" };
  const result = await integration.testAction(name, {
    event,
    mapping,
    settings,
    auth,
  });
  // Snapshots are committed: password settings, tokens and credential headers stay out.
  const secrets = integration.destination.secretsOf(settings, auth);
  await assertSnapshot(t, {
    status: result.status,
    ...(result.error === undefined ? {} : { error: result.error }),
    requests: result.requests.map((request) => {
      const { method, url, headers, body, json } = redactRecordedRequest(
        request,
        secrets,
      );
      return {
        method,
        url,
        headers,
        ...(json !== undefined ? { json } : body !== undefined ? { body } : {}),
      };
    }),
  }, {
    name: `${name}${requiredOnly ? " (required fields)" : ""}`,
    update: options.update,
  });
}
