import assert from "node:assert/strict";
import { measureWalks, parseLcov } from "./walk.ts";
import { runStage } from "./walk_target.ts";

Deno.test("bench/walk.ts lists the files one event runs through", async (t) => {
  await t.step("the target delivers its event", async () => {
    assert.equal(await runStage("event"), "delivered");
  });

  await t.step("parseLcov sums the run counts of each function", () => {
    const counts = parseLcov(
      "SF:/a.ts\nFNDA:2,f\nFNDA:1,f\nFNDA:0,g\nend_of_record\nSF:/b.ts\nFNDA:5,h\n",
    );
    assert.deepEqual(
      [...counts].map(([file, fns]) => [file, [...fns]]),
      [["/a.ts", [["f", 3], ["g", 0]]], ["/b.ts", [["h", 5]]]],
    );
  });

  await t.step(
    "both walks name the steps the README's walk names",
    async () => {
      const walks = await measureWalks();
      for (
        const file of [
          "destination/destination.ts",
          "destination/run/_run_event.ts",
          "mapping/directives/path.ts",
          "fields/compile_field_checks.ts",
          "request/_attempt.ts",
        ]
      ) {
        assert.ok(walks.onEvent.includes(file), `${file} in ${walks.onEvent}`);
      }
      // createDestination already ran before the event: its compile step is not in the event's walk.
      assert.ok(!walks.onEvent.includes("destination/create_destination.ts"));
      assert.ok(walks.field.includes("fields/kinds/number.ts"));
      assert.ok(walks.field.includes("fields/compile_field_checks.ts"));
      // Definition checks run when the destination is created: in the field walk, not the event's.
      assert.ok(walks.field.includes("fields/check_field_definitions.ts"));
      assert.ok(!walks.onEvent.includes("fields/check_field_definitions.ts"));
    },
  );
});
