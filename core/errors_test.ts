import assert from "node:assert/strict";
import {
  AbortError,
  APIError,
  ErrorCodes,
  HTTPError,
  IntegrationError,
  InvalidAuthenticationError,
  InvalidSettingsError,
  NetworkError,
  PayloadValidationError,
  ResponseTooLargeError,
  RetryableError,
  TimeoutError,
} from "./mod.ts";
import { describeIssues, isRetryableStatus } from "./errors.ts";

Deno.test("isRetryableStatus() says whether a retry may help", async (t) => {
  const cases: Array<[number, boolean]> = [
    [200, false],
    [301, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [408, true],
    [409, false],
    [422, false],
    [423, true],
    [429, true],
    [499, false],
    [500, true],
    [501, false],
    [502, true],
    [503, true],
    [504, true],
    [599, true],
  ];
  for (const [status, retryable] of cases) {
    await t.step(
      `${status} gives ${retryable}`,
      () => assert.equal(isRetryableStatus(status), retryable),
    );
  }
});

Deno.test("every error class carries code, status and retryable", async (t) => {
  const response = new Response("<h1>oops</h1>", { status: 503 });
  const request = new Request("https://api.acme.test/v1/track", {
    method: "POST",
  });
  const cases: Array<{
    error: IntegrationError;
    name: string;
    code: string;
    status: number;
    retryable: boolean;
  }> = [
    {
      error: new IntegrationError(
        "Cannot send: list is archived",
        "LIST_ARCHIVED",
        400,
      ),
      name: "IntegrationError",
      code: "LIST_ARCHIVED",
      status: 400,
      retryable: false,
    },
    {
      error: new IntegrationError(
        "Cannot send: upstream is down",
        "UPSTREAM",
        502,
      ),
      name: "IntegrationError",
      code: "UPSTREAM",
      status: 502,
      retryable: true,
    },
    {
      error: new IntegrationError("Cannot send: no code"),
      name: "IntegrationError",
      code: ErrorCodes.INTEGRATION_ERROR,
      status: 400,
      retryable: false,
    },
    {
      error: new IntegrationError("Cannot send: forced", "X", 400, {
        retryable: true,
      }),
      name: "IntegrationError",
      code: "X",
      status: 400,
      retryable: true,
    },
    {
      error: new RetryableError("Cannot send: busy"),
      name: "RetryableError",
      code: ErrorCodes.RETRYABLE_ERROR,
      status: 500,
      retryable: true,
    },
    {
      error: new RetryableError("Cannot send: rate limited", 429),
      name: "RetryableError",
      code: ErrorCodes.RETRYABLE_ERROR,
      status: 429,
      retryable: true,
    },
    {
      error: new InvalidAuthenticationError(
        "Cannot send: the API key was rejected",
      ),
      name: "InvalidAuthenticationError",
      code: ErrorCodes.INVALID_AUTHENTICATION,
      status: 401,
      retryable: false,
    },
    {
      error: new InvalidAuthenticationError(
        "Cannot refresh: token expired",
        ErrorCodes.REFRESH_TOKEN_EXPIRED,
      ),
      name: "InvalidAuthenticationError",
      code: ErrorCodes.REFRESH_TOKEN_EXPIRED,
      status: 401,
      retryable: false,
    },
    {
      error: new InvalidSettingsError("Cannot authenticate: apiKey is missing"),
      name: "InvalidSettingsError",
      code: ErrorCodes.INVALID_SETTINGS,
      status: 400,
      retryable: false,
    },
    {
      error: new PayloadValidationError([{
        path: "email",
        message: "is required",
      }]),
      name: "PayloadValidationError",
      code: ErrorCodes.PAYLOAD_VALIDATION_FAILED,
      status: 400,
      retryable: false,
    },
    {
      error: new APIError("Cannot send: quota exceeded", 429),
      name: "APIError",
      code: ErrorCodes.HTTP_ERROR,
      status: 429,
      retryable: true,
    },
    {
      error: new APIError("Cannot send: bad field", 400),
      name: "APIError",
      code: ErrorCodes.HTTP_ERROR,
      status: 400,
      retryable: false,
    },
    {
      error: new HTTPError(
        "Cannot send POST https://api.acme.test/v1/track: received status 503",
        {
          request,
          response,
          content: "<h1>oops</h1>",
        },
      ),
      name: "HTTPError",
      code: ErrorCodes.HTTP_ERROR,
      status: 503,
      retryable: true,
    },
    {
      error: new TimeoutError(
        "Cannot send GET https://a.test/: no response within 50 ms",
      ),
      name: "TimeoutError",
      code: ErrorCodes.ETIMEDOUT,
      status: 408,
      retryable: true,
    },
    {
      error: new NetworkError(
        "Cannot send GET https://a.test/: connection refused",
      ),
      name: "NetworkError",
      code: ErrorCodes.NETWORK_ERROR,
      status: 503,
      retryable: true,
    },
    {
      error: new AbortError(
        "Cannot send GET https://a.test/: aborted by its signal",
      ),
      name: "AbortError",
      code: ErrorCodes.ABORTED,
      status: 499,
      retryable: true,
    },
    {
      error: new ResponseTooLargeError(
        "Cannot send GET https://a.test/: the response body is larger than 10 bytes (maxResponseBytes)",
        10,
        { retryable: true },
      ),
      name: "ResponseTooLargeError",
      code: ErrorCodes.RESPONSE_TOO_LARGE,
      status: 502,
      retryable: false,
    },
  ];
  for (const c of cases) {
    await t.step(`${c.name} ${c.code} ${c.status}`, () => {
      assert.ok(c.error instanceof IntegrationError);
      assert.ok(c.error instanceof Error);
      assert.equal(c.error.name, c.name);
      assert.equal(c.error.code, c.code);
      assert.equal(c.error.status, c.status);
      assert.equal(c.error.retryable, c.retryable);
      assert.equal(c.error.retryAfterMs, undefined);
      assert.match(String(c.error), new RegExp(`^${c.name}: `));
    });
  }
});

Deno.test("errors keep what they were given", async (t) => {
  await t.step("retryAfterMs and cause", () => {
    const cause = new TypeError("fetch failed");
    const error = new NetworkError(
      "Cannot send GET https://a.test/: connection reset",
      {
        cause,
        retryAfterMs: 2000,
      },
    );
    assert.equal(error.cause, cause);
    assert.equal(error.retryAfterMs, 2000);
  });
  await t.step("no cause property when none is given", () => {
    assert.equal("cause" in new RetryableError("Cannot send: busy"), false);
  });
  await t.step(
    "HTTPError keeps request, response, content, data and Retry-After",
    () => {
      const request = new Request("https://a.test/");
      const response = Response.json({ error: "slow" }, { status: 429 });
      const error = new HTTPError(
        "Cannot send GET https://a.test/: received status 429",
        {
          request,
          response,
          content: '{"error":"slow"}',
          data: { error: "slow" },
          retryAfterMs: 1000,
        },
      );
      assert.equal(error.request, request);
      assert.equal(error.response, response);
      assert.equal(error.content, '{"error":"slow"}');
      assert.deepEqual(error.data, { error: "slow" });
      assert.equal(error.retryAfterMs, 1000);
    },
  );
  await t.step("a retryable option cannot make RetryableError final", () => {
    assert.equal(
      new RetryableError("Cannot send: busy", 400, { retryable: false })
        .retryable,
      true,
    );
  });
  await t.step("InvalidAuthenticationError may be made retryable", () => {
    const error = new InvalidAuthenticationError(
      "Cannot send: token expired",
      undefined,
      { retryable: true },
    );
    assert.equal(error.retryable, true);
    assert.equal(error.code, ErrorCodes.INVALID_AUTHENTICATION);
  });
});

Deno.test("PayloadValidationError names every failing path", async (t) => {
  const cases: Array<[Array<{ path: string; message: string }>, string]> = [
    [
      [{ path: "email", message: "is required" }],
      "Invalid payload: email: is required",
    ],
    [
      [
        { path: "properties.items[2].price", message: "must be a number" },
        { path: "", message: "must be an object" },
      ],
      "Invalid payload: properties.items[2].price: must be a number; must be an object",
    ],
  ];
  for (const [issues, message] of cases) {
    await t.step(message, () => {
      const error = new PayloadValidationError(issues);
      assert.equal(error.message, message);
      assert.equal(describeIssues(issues), message);
      assert.deepEqual(error.issues, issues);
    });
  }
  await t.step("a message of its own", () => {
    const error = new PayloadValidationError(
      [],
      "Invalid payload: nothing to send",
    );
    assert.equal(error.message, "Invalid payload: nothing to send");
  });
});

Deno.test("ErrorCodes name Segment's codes", () => {
  for (const [key, value] of Object.entries(ErrorCodes)) {
    assert.equal(key, value);
  }
  assert.equal(
    ErrorCodes.PAYLOAD_VALIDATION_FAILED,
    "PAYLOAD_VALIDATION_FAILED",
  );
});

Deno.test("PayloadValidationError takes a message as Segment's does", async (t) => {
  await t.step("a message becomes one issue at the root", () => {
    const error = new PayloadValidationError("Email or phone is required");
    assert.equal(error.message, "Email or phone is required");
    assert.deepEqual(error.issues, [{
      path: "",
      message: "Email or phone is required",
    }]);
    assert.equal(error.retryable, false);
  });
  await t.step("issues still name each path", () => {
    const error = new PayloadValidationError([{
      path: "user.email",
      message: "must be a string",
    }]);
    assert.equal(
      error.message,
      "Invalid payload: user.email: must be a string",
    );
  });
});
