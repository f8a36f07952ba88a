// The tester page in headless Chromium: one scenario per point of the tester's issue, each
// leaving a screenshot in the artifacts folder ($DESTKIT_ARTIFACTS, else a temp folder).
// deno-lint-ignore-file no-console
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromiumTestOptions, launchChromium } from "../browser/_testing.ts";
import { HUBBLE_SDK_URL } from "../destinations/hubble-web/index.ts";
import { startTester, type Tester } from "./serve.ts";
import {
  createWorkspace,
  editFile,
  REPO_ROOT,
  scaffoldTrack,
} from "./_testing.ts";

// A page whose only way out is loopback.
async function openTester(browser: Browser, tester: Tester): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
  });
  context.setDefaultTimeout(60_000);
  await context.route("**/*", async (route) => {
    if (new URL(route.request().url()).hostname === "127.0.0.1") {
      await route.continue();
    } else await route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  await page.goto(tester.url);
  await page.waitForSelector("body[data-ready=true]");
  return page;
}

// Clicks a button of the page and waits for its answer to be shown.
async function press(page: Page, id: string): Promise<void> {
  const before = await page.getAttribute("#results", "data-done");
  await page.click(`#${id}`);
  await page.waitForFunction(
    (before) =>
      (document.getElementById("results")!.dataset.done ?? null) !== before,
    before,
  );
}

async function choose(page: Page, destination: string, action: string) {
  await page.selectOption("#destination", destination);
  await page.selectOption("#action", action);
}

// Chooses an action, types its settings and runs the event shown.
async function runAction(
  page: Page,
  destination: string,
  action: string,
  settings: Record<string, unknown>,
): Promise<void> {
  await choose(page, destination, action);
  await page.fill("#settings", JSON.stringify(settings));
  await press(page, "run");
}

// Runs `fn` on a new page of the tester, closing the page's context afterwards.
async function withPage(
  browser: Browser,
  tester: Tester,
  fn: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await openTester(browser, tester);
  try {
    await fn(page);
  } finally {
    await page.context().close();
  }
}

async function text(page: Page, id: string): Promise<string> {
  return (await page.textContent(`#${id}`)) ?? "";
}

Deno.test({
  ...chromiumTestOptions("the tester page in Chromium"),
  async fn(t) {
    const artifacts = Deno.env.get("DESTKIT_ARTIFACTS") ??
      await Deno.makeTempDir({ prefix: "destkit_tester_screens_" });
    await Deno.mkdir(artifacts, { recursive: true });
    console.log(`Screenshots in ${artifacts}`);
    const root = await createWorkspace();
    const directory = join(root, "destinations");
    await scaffoldTrack(directory);
    await Deno.mkdir(join(directory, "kitchen-sink"));
    await Deno.copyFile(
      new URL("./server/testdata/kitchen_sink.ts", import.meta.url),
      join(directory, "kitchen-sink", "index.ts"),
    );
    const tester = startTester({ port: 0, directory });
    const device = startTester({
      port: 0,
      directory: join(REPO_ROOT, "destinations"),
      check: false,
      sdkStubs: {
        [HUBBLE_SDK_URL]: join(REPO_ROOT, "browser/testdata/hubble_sdk.js"),
      },
    });
    const browser = await launchChromium(30_000);
    const screenshot = (page: Page, name: string) =>
      page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    try {
      await t.step(
        "it follows edits: a new field, then a type error shown in place",
        async () => {
          await withPage(browser, tester, async (page) => {
            await runAction(page, "actions-acme", "track", { apiKey: "k-1" });
            assert.match(await text(page, "results"), /"delivered"/);
            const file = join(directory, "actions-acme", "track", "index.ts");
            const source = await editFile(file, (text) =>
              text.replace(
                "fields: {",
                'fields: {\n    plan: { label: "Plan", description: "The plan.", type: "string" },',
              ));
            await press(page, "run");
            assert.match(
              await text(page, "reload"),
              /^Reloaded actions-acme at /,
            );
            await page.waitForSelector("#field-plan", { timeout: 10_000 })
              .catch(
                async (error) => {
                  await screenshot(page, "debug");
                  throw new Error(
                    `${error.message}\n${await text(
                      page,
                      "error",
                    )}\n${await page
                      .innerHTML("#fields")}`,
                  );
                },
              );
            await Deno.writeTextFile(
              file,
              `${source}\nexport const broken: number = "not a number";\n`,
            );
            await press(page, "run");
            assert.match(
              await text(page, "error"),
              /^Type check \(422\): .*TS2322/s,
            );
            assert.equal(await text(page, "results"), "", "no stale result");
            assert.ok(!(await text(page, "error")).includes(root));
            await screenshot(page, "1-follows-edits");
            await Deno.writeTextFile(file, source);
            await press(page, "run");
            assert.match(await text(page, "results"), /"delivered"/);
          });
        },
      );

      await t.step(
        "a device-mode destination runs in the page, inside analytics-next",
        async () => {
          await withPage(browser, device, async (page) => {
            await runAction(page, "hubble-web", "track", { appID: "app-1" });
            const calls = JSON.parse(await text(page, "calls"));
            assert.deepEqual(calls, [{
              sdk: "hubble",
              appId: "app-1",
              method: "track",
              args: ["Order Completed", {
                order_id: "o-1",
                total: 42,
                currency: "USD",
              }],
            }]);
            assert.equal(await text(page, "error"), "");
            await screenshot(page, "2-device-mode");
            await runAction(page, "userpilot-web", "trackEvent", {
              token: "tok-1",
            });
            assert.match(
              await text(page, "error"),
              /Cannot load script https:\/\/js\.userpilot\.io\/sdk\/latest\.js.*\n.*--sdk-stub/s,
              "an SDK without a stand-in is refused, and the page says how to serve one",
            );
          });
        },
      );

      await t.step(
        "cloud destinations get batches, OAuth, authentication, deletion, presets and dynamic choices",
        async () => {
          await withPage(browser, tester, async (page) => {
            await choose(page, "kitchen-sink", "sendOrder");
            assert.equal(await page.isVisible("#auth"), true);
            await page.fill(
              "#auth",
              '{"accessToken": "old", "refreshToken": "r-1"}',
            );
            await press(page, "run-batch");
            const batch = JSON.parse(await text(page, "results"));
            assert.deepEqual(
              batch.map((result: { status: string }) => result.status),
              ["delivered", "delivered", "delivered"],
            );
            assert.equal(JSON.parse(await text(page, "requests")).length, 1);
            await press(page, "test-auth");
            assert.equal(JSON.parse(await text(page, "results")).ok, true);
            assert.match(await text(page, "requests"), /api\.sink\.test\/me/);
            await press(page, "refresh");
            assert.deepEqual(JSON.parse(await page.inputValue("#auth")), {
              accessToken: "fresh-token",
              refreshToken: "r-1",
            });
            await press(page, "delete");
            assert.match(await text(page, "requests"), /users\/delete/);
            assert.equal(
              JSON.parse(await text(page, "results")).status,
              "delivered",
            );
            await page.click('.field[data-key="list"] button');
            await page.waitForFunction(() =>
              document.querySelector('.field[data-key="list"] .default')!
                .textContent!.includes("list-1")
            );
            assert.equal(
              await page.textContent('.field[data-key="list"] .default'),
              "Choices: Customers = list-1, Leads = list-2",
            );
            await page.selectOption("#action", "@presets");
            await press(page, "run");
            assert.deepEqual(
              JSON.parse(await text(page, "results")).map((
                r: { status: string },
              ) => r.status),
              ["delivered"],
            );
            await screenshot(page, "3-cloud-extras");
          });
        },
      );

      await t.step(
        "the mapping is edited per field, with errors at the field that failed",
        async () => {
          await withPage(browser, tester, async (page) => {
            await choose(page, "kitchen-sink", "sendOrder");
            const box = '.field[data-key="orderId"]';
            assert.equal(
              await page.textContent(`${box} label`),
              "Order ID (orderId)",
            );
            assert.equal(await page.textContent(`${box} .type`), "string");
            assert.equal(
              await page.textContent(`${box} .required`),
              "required",
            );
            assert.equal(
              await page.textContent(`${box} .description`),
              "The order's identifier.",
            );
            assert.equal(
              await page.inputValue("#field-orderId"),
              "$.properties.order_id",
            );
            assert.equal(
              await page.textContent('.field[data-key="plan"] .default'),
              "Default: none · choices: free, pro",
            );
            const paths = await page.$$eval(
              "#event-paths option",
              (options) =>
                options.map((option) => (option as HTMLOptionElement).value),
            );
            assert.ok(paths.includes("$.properties.total"), paths.join(", "));
            assert.equal(
              await page.getAttribute("#field-total", "list"),
              "event-paths",
            );
            await page.fill("#field-total", "$.properties.currency");
            await press(page, "run");
            assert.match(
              await page.textContent('.field[data-key="total"] .field-error') ??
                "",
              /^total: /,
            );
            assert.equal(
              await page.getAttribute('.field[data-key="total"]', "class"),
              "field invalid",
            );
            await screenshot(page, "4-fields");
            await page.check("#raw");
            assert.deepEqual(
              JSON.parse(await page.inputValue("#mapping")).total,
              {
                "@path": "$.properties.currency",
              },
            );
            await page.fill("#mapping", '{"orderId": "o-9", "total": 9}');
            await press(page, "run");
            assert.deepEqual(JSON.parse(await text(page, "payload")), {
              orderId: "o-9",
              total: 9,
            });
          });
        },
      );

      await t.step("sample events of every type, editable", async () => {
        await withPage(browser, tester, async (page) => {
          for (
            const type of [
              "track",
              "identify",
              "page",
              "screen",
              "group",
              "alias",
            ]
          ) {
            await page.selectOption("#sample", type);
            assert.equal(
              JSON.parse(await page.inputValue("#event")).type,
              type,
            );
          }
          await choose(page, "actions-acme", "");
          await page.fill("#settings", '{"apiKey": "k-1"}');
          await page.selectOption("#sample", "track");
          const event = JSON.parse(await page.inputValue("#event"));
          await page.fill(
            "#event",
            JSON.stringify({ ...event, event: "Edited" }, null, 2),
          );
          await press(page, "run");
          const [request] = JSON.parse(await text(page, "requests"));
          assert.equal(JSON.parse(request.body).event, "Edited");
          await screenshot(page, "5-samples");
        });
      });

      await t.step(
        "an error names the box and line at fault and clears the previous result",
        async () => {
          await withPage(browser, tester, async (page) => {
            await runAction(page, "actions-acme", "track", { apiKey: "k-1" });
            assert.equal(
              JSON.parse(await text(page, "requests")).length,
              1,
              "a request is shown once",
            );
            await page.fill("#event", '{\n  "type": "track",\n  "event": "A"');
            await press(page, "run");
            assert.match(await text(page, "error"), /^Event: .*line 3/);
            for (const id of ["payload", "requests", "results"]) {
              assert.equal(await text(page, id), "", `${id} is cleared`);
            }
            await page.fill("#settings", "{");
            await press(page, "run");
            assert.match(await text(page, "error"), /^Settings: .*line 1/);
            await screenshot(page, "6-errors");
          });
        },
      );
    } finally {
      await browser.close();
      await tester.shutdown();
      await device.shutdown();
      await Deno.remove(root, { recursive: true });
    }
  },
});
