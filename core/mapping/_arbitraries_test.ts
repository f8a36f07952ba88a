// Generated mappings and events shared by the differential tests (destkit against Segment,
// and the lean compiler against compileMapping). No tests here.
import fc from "fast-check";

// Keys avoid names inherited from Object, Array or String prototypes: destkit reads own properties only.
const KEYS = [
  "a",
  "b",
  "c",
  "email",
  "name",
  "items",
  "0",
  "1",
  "x y",
  "é",
  "日本",
  "dot.key",
  "$",
  "",
  "n-1",
];
const key = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("a", "b", "items", "name") },
  { weight: 2, arbitrary: fc.constantFrom(...KEYS) },
);
const text = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "0",
    "false",
    "null",
    "Ab",
    "a.b",
    "{{a}}",
    "{{{b}}}",
    "$&",
    "$1",
    "a$$b",
    '{"a":1}',
    "[1,2]",
    "ÉCOLE",
    "日本語",
    "🙂",
    "a\nb",
  ),
  fc.string({ maxLength: 6 }),
);
export const scalar = fc.oneof(
  text,
  fc.constantFrom(0, 1, -1, 1.5, NaN, true, false, null),
  fc.integer({ min: -100, max: 100 }),
);

export const event =
  fc.letrec<{ value: unknown; record: Record<string, unknown> }>((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      scalar,
      tie("record"),
      fc.array(tie("value"), { maxLength: 3 }),
    ),
    record: fc.dictionary(key, tie("value"), { maxKeys: 5 }),
  })).record;

const pathSegment = fc.oneof(
  key.map((k) => `.${k}`),
  fc.constantFrom(
    "[0]",
    "[1]",
    "['a']",
    '["b"]',
    "['dot.key']",
    ".length",
    "[2]",
  ),
);
const path = fc.oneof(
  fc.constantFrom(
    "",
    ".",
    "$.",
    "$",
    "$.a.$.b",
    "length",
    "a.length",
    "items[1].name",
    "[0]",
    "$..a",
    "a..b",
  ),
  fc.tuple(
    fc.constantFrom("$", "", "$."),
    key,
    fc.array(pathSegment, { maxLength: 3 }),
  ).map(([root, first, rest]) =>
    `${root}${root === "$" ? "." : ""}${first}${rest.join("")}`
  ),
);
const template = fc.array(
  fc.oneof(
    path.map((p) => `{{${p}}}`),
    path.map((p) => `{{{ ${p} }}}`),
    path.map((p) => `{{ ${p} }}`),
    fc.constantFrom("Hi ", "-", "{", "}", "{{", "}}", "{{}}", "{{ }}", "x"),
  ),
  { maxLength: 4 },
).map((parts) => parts.join(""));
const liquid = fc.constantFrom(
  "{{ a }}",
  "{{ a | upcase }}",
  "{{ name | default: 'none' }}",
  "{% if a %}yes{% else %}no{% endif %}",
  "{% for x in items %}{{ x }}{% endfor %}",
  "{{ items | reverse }}",
  "{{ items | size }}",
  "{% case a %}{% endcase %}",
  "{{ a",
  "",
  "x".repeat(1001),
  "{{ email | split: '@' | last }}",
);

function opts(
  entries: Record<string, fc.Arbitrary<unknown>>,
  required: string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(entries, { requiredKeys: required });
}

type Tree = {
  node: unknown;
  directive: Record<string, unknown>;
  object: Record<string, unknown>;
};

// `bad` weighs the invalid alternatives (wrong types, unknown directives) against the valid ones (10).
function makeTree(bad: number) {
  function or<T>(
    good: fc.Arbitrary<T>,
    invalid: fc.Arbitrary<unknown>,
  ): fc.Arbitrary<unknown> {
    return bad === 0 ? good : fc.oneof({ weight: 10, arbitrary: good }, {
      weight: bad,
      arbitrary: invalid,
    });
  }
  // Valid trees always carry the keys each directive needs at run time.
  function needs(...keys: string[]): string[] {
    return bad === 0 ? keys : [];
  }
  return fc.letrec<Tree>((tie) => {
    const node = tie("node");
    const small = fc.oneof(scalar, tie("directive"), tie("directive"));
    return {
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        scalar,
        tie("directive"),
        tie("directive"),
        tie("object"),
        fc.array(node, { maxLength: 3 }),
      ),
      object: fc.dictionary(key, node, { maxKeys: 4 }),
      directive: fc.oneof(
        or(fc.oneof(path, path, tie("directive")), scalar).map((v) => ({
          "@path": v,
        })),
        or(fc.oneof(template, template, tie("directive")), scalar).map((v) => ({
          "@template": v,
        })),
        node.map((v) => ({ "@literal": v })),
        or(
          fc.oneof(
            opts({ exists: small, then: node, else: node }, needs("exists")),
            opts({ blank: small, then: node, else: node }, needs("blank")),
          ),
          scalar,
        ).map((v) => ({ "@if": v })),
        or(
          opts({
            operator: fc.constantFrom(
              "lower",
              "upper",
              "upper",
              "lower",
              "title",
            ),
            value: small,
          }, needs("operator", "value")),
          scalar,
        ).map((v) => ({
          "@case": v,
        })),
        or(
          opts({
            pattern: or(
              fc.constantFrom("a", ".", " ", "$", "[", "ü", "an", "A"),
              fc.constantFrom("aaaaaaaaaaa", "", 5),
            ),
            replacement: or(
              fc.constantFrom("", "-", "$&", "$1", "$$", "<$&>"),
              fc.constantFrom("0123456789X", 5),
            ),
            value: small,
            ignorecase: or(fc.boolean(), scalar),
            global: or(fc.boolean(), scalar),
            pattern2: fc.constantFrom("b", "-", "0123456789X"),
            replacement2: fc.constantFrom("B", "", "$&"),
          }, needs("pattern", "value")),
          scalar,
        ).map((v) => ({ "@replace": v })),
        or(
          fc.oneof(
            fc.tuple(fc.oneof(path, tie("directive")), tie("object")),
            fc.tuple(path),
            fc.tuple(path, fc.oneof(scalar, tie("directive"))),
          ),
          scalar,
        ).map((v) => ({ "@arrayPath": v })),
        or(
          opts({
            mode: fc.constantFrom("encode", "decode", "ENCODE", "x"),
            value: node,
          }, needs("mode", "value")),
          scalar,
        )
          .map((v) => ({ "@json": v })),
        or(
          opts({
            separator: or(
              fc.oneof(fc.constantFrom(".", "_", "::"), tie("directive")),
              fc.constantFrom("", 5),
            ),
            value: node,
            omitArrays: fc.oneof(
              fc.boolean(),
              fc.constantFrom("false", 0, null),
            ),
          }, needs("separator", "value")),
          scalar,
        ).map((v) => ({ "@flatten": v })),
        or(
          opts({
            direction: or(
              fc.oneof(
                fc.constantFrom("left", "right", "LEFT"),
                tie("directive"),
              ),
              fc.constantFrom("up", 5),
            ),
            objects: or(
              fc.array(fc.oneof(tie("object"), tie("directive")), {
                maxLength: 3,
              }),
              fc.oneof(scalar, fc.array(scalar)),
            ),
          }, needs("direction", "objects")),
          scalar,
        ).map((v) => ({ "@merge": v })),
        or(
          opts({
            apply: or(fc.oneof(tie("object"), tie("directive")), scalar),
            mapping: node,
          }, needs("apply", "mapping")),
          scalar,
        )
          .map((v) => ({ "@transform": v })),
        node.map((v) => ({ "@excludeWhenNull": v })),
        or(liquid, scalar).map((v) => ({ "@liquid": v })),
        path.map((p) => ({ "@path": p, _metadata: { label: "x" } })),
        ...(bad === 0 ? [] : [
          fc.tuple(fc.constantFrom("@bogus", "@Path", "@"), node).map((
            [k, v],
          ) => ({ [k]: v })),
          fc.tuple(path, template).map(([p, t]) => ({
            "@path": p,
            "@template": t,
          })),
          fc.tuple(path, node).map(([p, v]) => ({ "@path": p, extra: v })),
        ]),
      ),
    };
  });
}

export const tree = makeTree(2);
const validTree = makeTree(0);

export const mapping = fc.oneof(
  { weight: 8, arbitrary: validTree.object },
  { weight: 6, arbitrary: tree.object },
  {
    weight: 1,
    arbitrary: fc.tuple(validTree.directive, validTree.object).map((
      [d, rest],
    ) => ({ __segment_internal_directive: d, ...rest })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(tree.directive, tree.object).map(([d, rest]) => ({
      __segment_internal_directive: d,
      ...rest,
    })),
  },
  { weight: 1, arbitrary: tree.directive },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.array(tree.node, { maxLength: 2 }), scalar),
  },
);
