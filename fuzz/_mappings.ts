// Generated mappings: all 13 directives, nested in each other, with hostile literals, paths
// and templates, plus chains of one directive nested many times (the cost multipliers).
import fc from "fast-check";
import {
  hostileValue,
  type HostileValueOptions,
  key,
  objectOf,
} from "./_values.ts";

const PATHS = [
  "$.properties.note",
  "$.properties",
  "$.properties.a",
  "$.traits.email",
  "$.event",
  "$.type",
  "$",
  "$.",
  "",
  ".",
  "$..a",
  "$.__proto__",
  "$.constructor.prototype",
  "$.properties.toString",
  "$.properties.length",
  "properties.items[0]",
  "properties.items.length",
  "$.properties['a']",
  '$.properties["__proto__"]',
  "$.context.a.a.a.a.a",
  "$.properties.a.a.a.a.a.a.a.a.a.a",
];
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PATHS) },
  {
    weight: 1,
    arbitrary: fc.array(key, { minLength: 1, maxLength: 4 }).map((keys) =>
      `$.${keys.join(".")}`
    ),
  },
);
const template = fc.array(
  fc.oneof(
    path.map((p) => `{{${p.replace(/^\$\.?/, "")}}}`),
    path.map((p) => `{{{${p.replace(/^\$\.?/, "")}}}}`),
    fc.constantFrom(
      "{{{properties.note}}}",
      "{{properties}}",
      "Hi ",
      "{{",
      "}}",
      "{{}}",
      "$&",
      "{{ a | json }}",
    ),
  ),
  { maxLength: 4 },
).map((parts) => parts.join(""));
const liquid = fc.constantFrom(
  "{{ properties.note }}",
  "{{ properties | json }}",
  "{{ properties.a | json }}",
  "{{ properties.note | upcase | append: properties.note }}",
  "{% for x in properties.items %}{{ x }}{% endfor %}",
  "{% for i in (1..1000) %}{{ properties.note }}{% endfor %}",
  "{% for i in (1..100000000) %}{% endfor %}",
  "{% if properties.a %}y{% else %}n{% endif %}",
  "{{ properties.toString }}",
  "{% assign x = properties.note | split: '' %}{{ x | size }}",
  "{{ traits.email | split: '@' | last }}",
  "{{ a",
  "{% raw %}",
  "{% include 'x' %}",
  "",
);

type Tree = { node: unknown; directive: Record<string, unknown> };

/** Options of {@linkcode mappingArbitrary}. */
export interface MappingArbitraryOptions extends HostileValueOptions {
  /** The longest chain of one directive nested in itself. @default {24} */
  maxChain?: number;
}

/** Mappings: objects of directives nested in each other, sometimes chains of one directive. */
export function mappingArbitrary(
  options: MappingArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const { maxChain = 24 } = options;
  const literal = hostileValue({ ...options, maxNest: 100 });
  const { node, directive } = fc.letrec<Tree>((tie) => {
    const inner = fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      path.map((p) => ({ "@path": p })),
      tie("directive"),
      literal,
    );
    const object = fc.array(fc.tuple(key, tie("node")), { maxLength: 4 }).map((
      entries,
    ) => objectOf(entries));
    return {
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        { weight: 2, arbitrary: literal },
        { weight: 3, arbitrary: tie("directive") },
        { weight: 1, arbitrary: object },
        { weight: 1, arbitrary: fc.array(tie("node"), { maxLength: 3 }) },
      ),
      directive: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.oneof(path, literal).map((v) => ({ "@path": v })),
        fc.oneof(template, inner).map((v) => ({ "@template": v })),
        literal.map((v) => ({ "@literal": v })),
        fc.record({
          exists: inner,
          blank: inner,
          then: tie("node"),
          else: tie("node"),
        }, { requiredKeys: [] }).map((v) => ({ "@if": v })),
        fc.record({
          operator: fc.oneof(
            fc.constantFrom("lower", "upper", "title"),
            literal,
          ),
          value: inner,
        }, { requiredKeys: [] }).map((v) => ({ "@case": v })),
        fc.record({
          pattern: fc.oneof(
            fc.constantFrom("a", ".", "", "x", "$", "["),
            literal,
          ),
          replacement: fc.oneof(
            fc.constantFrom("$&", "$&$&$&$&$&", "$1", "$$", "", "<$&>"),
            literal,
          ),
          value: inner,
          ignorecase: fc.oneof(fc.boolean(), literal),
          global: fc.oneof(fc.boolean(), literal),
          pattern2: fc.constantFrom("x", ""),
          replacement2: fc.constantFrom("$&$&", ""),
        }, { requiredKeys: ["pattern", "value"] }).map((v) => ({
          "@replace": v,
        })),
        fc.oneof(
          fc.tuple(fc.oneof(path, tie("directive")), object),
          fc.tuple(path),
          literal,
        ).map((v) => ({ "@arrayPath": v })),
        fc.record({
          mode: fc.oneof(fc.constantFrom("encode", "decode"), literal),
          value: inner,
        }, { requiredKeys: ["mode"] }).map((v) => ({ "@json": v })),
        fc.record({
          separator: fc.oneof(fc.constantFrom(".", "", "$&"), literal),
          value: inner,
          omitArrays: fc.oneof(fc.boolean(), literal),
        }, { requiredKeys: ["value"] }).map((v) => ({ "@flatten": v })),
        fc.record({
          direction: fc.oneof(fc.constantFrom("left", "right"), literal),
          objects: fc.oneof(fc.array(inner, { maxLength: 3 }), literal),
        }, { requiredKeys: ["objects"] }).map((v) => ({ "@merge": v })),
        fc.record({
          apply: fc.oneof(object, inner),
          mapping: tie("node"),
        }, { requiredKeys: ["apply"] }).map((v) => ({ "@transform": v })),
        inner.map((v) => ({ "@excludeWhenNull": v })),
        fc.oneof(liquid, literal).map((v) => ({ "@liquid": v })),
      ),
    };
  });
  const chain = fc.tuple(
    fc.constantFrom(
      "@replace",
      "@json",
      "@template",
      "@merge",
      "@flatten",
      "@case",
      "@liquid",
    ),
    fc.integer({ min: 2, max: Math.max(2, maxChain) }),
    fc.constantFrom("$.properties.note", "$.properties", "$.event"),
  ).map(([name, levels, from]) => {
    let value: unknown = { "@path": from };
    for (let index = 0; index < levels; index++) {
      value = wrapIn(name, value);
    }
    return { out: value };
  });
  return fc.oneof(
    {
      weight: 60,
      arbitrary: fc.array(fc.tuple(key, node), { maxLength: 5 }).map((
        entries,
      ) => objectOf(entries)),
    },
    { weight: 12, arbitrary: directive },
    // Chains multiply the work of each level: rare, so one input's cost stays bounded on average.
    { weight: 1, arbitrary: chain },
    { weight: 5, arbitrary: literal },
  );
}

function wrapIn(name: string, value: unknown): unknown {
  switch (name) {
    case "@replace":
      return {
        "@replace": {
          // Event names such as "Order Completed" hold the letter: each level multiplies it.
          pattern: "e",
          replacement: "$&$&$&$&$&",
          value,
          global: true,
        },
      };
    case "@json":
      return { "@json": { mode: "encode", value } };
    case "@template":
      return { "@template": "{{{properties.note}}}{{properties.note}}" };
    // One copy of the inner level each, so that the mapping's JSON grows linearly with the
    // chain (a mapping sharing one object twice per level stands for exponential JSON).
    case "@merge":
      return {
        "@merge": {
          direction: "left",
          objects: [value, { "@path": "$.properties" }],
        },
      };
    case "@flatten":
      return {
        "@flatten": {
          separator: ".",
          value: { a: value, b: { "@path": "$.properties" } },
        },
      };
    case "@case":
      return { "@case": { operator: "upper", value } };
    default:
      return { "@liquid": "{{ properties.note | append: properties.note }}" };
  }
}
