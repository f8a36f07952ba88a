/**
 * Deterministic generator of the bench-webhook scenario's `track` events: a
 * TypeScript port of the shared `scenario/events.mjs` (seed 42). Event `i` is a
 * pure function of the seed and `i` (mulberry32, no clock, no locale), so an
 * array and a lazy stream give the same sequence.
 *
 * @module
 */

/** The seed every measure uses. */
export const SEED = 42;
/** 2026-01-15T09:00:00.000Z: the timestamp of event 0, give or take a second. */
export const BASE_TIME_MS = Date.UTC(2026, 0, 15, 9, 0, 0);

/** A product as the generator writes it into `properties`. */
export interface BenchProduct {
  product_id: string;
  sku: string;
  name: string;
  brand: string;
  category: string;
  price: number;
  quantity: number;
  position: number;
  image_url: string;
}

/** Traits of an identified user. */
export interface BenchTraits {
  email: string;
  first_name: string;
  last_name: string;
  plan: string;
  created_at: string;
}

/** The page the event happened on. */
export interface BenchPage {
  path: string;
  referrer: string;
  search: string;
  title: string;
  url: string;
}

/** The analytics.js-shaped context of an event. */
export interface BenchContext {
  ip: string;
  library: { name: string; version: string };
  locale: string;
  page: BenchPage;
  timezone: string;
  userAgent: string;
  traits?: BenchTraits;
  campaign?: Record<string, string>;
}

/** The properties of an event; which keys are set depends on the event name. */
export interface BenchProperties extends Partial<BenchProduct> {
  category: string;
  currency: string;
  logged_in: boolean;
  list_id?: string;
  order_id?: string;
  revenue?: number;
  shipping?: number;
  tax?: number;
  method?: string;
  products?: BenchProduct[];
  coupon?: string;
}

/** One generated Segment `track` event. */
export interface BenchEvent {
  anonymousId: string;
  context: BenchContext;
  event: string;
  integrations: Record<string, never>;
  messageId: string;
  originalTimestamp: string;
  properties: BenchProperties;
  receivedAt: string;
  sentAt: string;
  timestamp: string;
  type: "track";
  userId: string | null;
  version: number;
}

type Random = () => number;

/** mulberry32: a 32-bit seeded PRNG, integer-exact in every JS engine. */
function mulberry32(seed: number): Random {
  let a = seed;
  return function next() {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [name, cumulative weight out of 100]
const EVENT_NAMES: readonly (readonly [string, number])[] = [
  ["Product Viewed", 35],
  ["Product Added", 55],
  ["Product List Viewed", 65],
  ["Checkout Started", 75],
  ["Order Completed", 90],
  ["Coupon Applied", 95],
  ["Signed Up", 100],
];
const CATEGORIES = [
  "Shoes",
  "Outerwear",
  "Accessories",
  "Bags",
  "Knitwear",
  "Denim",
  "Sportswear",
  "Home",
];
const BRANDS = [
  "Acme",
  "Northwind",
  "Globex",
  "Initech",
  "Umbrella",
  "Hooli",
  "Vandelay",
];
const ADJ = [
  "Classic",
  "Slim",
  "Relaxed",
  "Organic",
  "Waterproof",
  "Vintage",
  "Lightweight",
  "Premium",
];
const NOUN = [
  "Sneaker",
  "Parka",
  "Tote",
  "Beanie",
  "Cardigan",
  "Jeans",
  "Hoodie",
  "Scarf",
  "Boot",
  "Backpack",
];
const FIRST = [
  "Ada",
  "Grace",
  "Alan",
  "Linus",
  "Margaret",
  "Ken",
  "Barbara",
  "Dennis",
  "Frances",
  "Edsger",
  "Radia",
  "Tim",
];
const LAST = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Torvalds",
  "Hamilton",
  "Thompson",
  "Liskov",
  "Ritchie",
  "Allen",
  "Dijkstra",
  "Perlman",
  "Berners-Lee",
];
const PLANS = ["free", "starter", "pro", "enterprise"];
const LOCALES = ["en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "ja-JP", "pt-BR"];
const TIMEZONES = [
  "America/New_York",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Asia/Tokyo",
  "America/Sao_Paulo",
];
const REFERRERS = [
  "https://www.google.com/",
  "https://duckduckgo.com/",
  "https://t.co/x1y2z3",
  "",
  "https://news.example.org/deals",
];
const UAS = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
];
const CAMPAIGNS: readonly Record<string, string>[] = [
  { name: "winter_sale", source: "newsletter", medium: "email" },
  { name: "brand_search", source: "google", medium: "cpc", term: "acme shoes" },
  {
    name: "retargeting_q1",
    source: "facebook",
    medium: "paid_social",
    content: "carousel_b",
  },
];
const COUPONS = ["WELCOME10", "FREESHIP", "WINTER25", "VIP15"];
const SIGN_UP_METHODS = ["email", "google", "apple"];

function hex(rnd: Random, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += ((rnd() * 16) >>> 0).toString(16);
  return s;
}

function uuid(rnd: Random): string {
  const h = hex(rnd, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${
    h.slice(17, 20)
  }-${h.slice(20, 32)}`;
}

function pick<T>(rnd: Random, items: readonly T[]): T {
  return items[(rnd() * items.length) >>> 0];
}

/** An integer in `[lo, hi]`, both inclusive. */
function int(rnd: Random, lo: number, hi: number): number {
  return lo + ((rnd() * (hi - lo + 1)) >>> 0);
}

function money(rnd: Random, lo: number, hi: number): number {
  return Math.round((lo + rnd() * (hi - lo)) * 100) / 100;
}

function product(rnd: Random): BenchProduct {
  const id = int(rnd, 100000, 999999);
  return {
    product_id: `prod_${id}`,
    sku: `SKU-${id.toString(36).toUpperCase()}-${int(rnd, 10, 99)}`,
    name: `${pick(rnd, ADJ)} ${pick(rnd, NOUN)}`,
    brand: pick(rnd, BRANDS),
    category: pick(rnd, CATEGORIES),
    price: money(rnd, 4.99, 349.99),
    quantity: int(rnd, 1, 3),
    position: int(rnd, 1, 24),
    image_url: `https://cdn.shop.example.com/img/${id}.jpg`,
  };
}

function pickEventName(rnd: Random): string {
  const w = rnd() * 100;
  for (const [name, cumulative] of EVENT_NAMES) {
    if (w < cumulative) return name;
  }
  return EVENT_NAMES[EVENT_NAMES.length - 1][0];
}

/** Adds the event-specific properties; the PRNG draws happen in the shared generator's order. */
function addEventProperties(
  rnd: Random,
  eventName: string,
  properties: BenchProperties,
): void {
  let products: BenchProduct[] | null = null;
  switch (eventName) {
    case "Product Viewed":
    case "Product Added": {
      const p = product(rnd);
      Object.assign(properties, p);
      products = [p];
      break;
    }
    case "Product List Viewed": {
      products = [];
      const n = int(rnd, 3, 8);
      for (let k = 0; k < n; k++) products.push(product(rnd));
      properties.list_id = `list_${properties.category.toLowerCase()}`;
      break;
    }
    case "Checkout Started":
    case "Order Completed": {
      products = [];
      const n = int(rnd, 1, 4);
      let sum = 0;
      for (let k = 0; k < n; k++) {
        const p = product(rnd);
        sum += p.price * p.quantity;
        products.push(p);
      }
      properties.order_id = `ord_${hex(rnd, 12)}`;
      properties.revenue = Math.round(sum * 100) / 100;
      properties.shipping = money(rnd, 0, 15);
      properties.tax = Math.round(sum * 0.08 * 100) / 100;
      break;
    }
    case "Coupon Applied":
      properties.order_id = `ord_${hex(rnd, 12)}`;
      break;
    case "Signed Up":
      properties.method = pick(rnd, SIGN_UP_METHODS);
      break;
  }
  if (products) properties.products = products;
  if (eventName === "Coupon Applied" || rnd() < 0.3) {
    properties.coupon = pick(rnd, COUPONS);
  }
}

/**
 * Returns event `i` of the sequence for `seed` (a pure function of both).
 *
 * @example
 * ```ts
 * import { makeEvent } from "./events.ts";
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(makeEvent(7), makeEvent(7));
 * assert.equal(makeEvent(7).type, "track");
 * ```
 */
export function makeEvent(i: number, seed: number = SEED): BenchEvent {
  const rnd = mulberry32((seed * 0x9e3779b1 + i * 0x85ebca6b) | 0);
  // burn a few values so nearby seeds decorrelate
  rnd();
  rnd();
  rnd();

  const eventName = pickEventName(rnd);
  const identified = rnd() < 0.7;
  const userNum = int(rnd, 1, 50000);
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const tsMs = BASE_TIME_MS + i * 1000 + int(rnd, 0, 999);
  const sentMs = tsMs + int(rnd, 5, 400);
  const recvMs = sentMs + int(rnd, 20, 900);
  const category = pick(rnd, CATEGORIES);
  const slug = `${category.toLowerCase()}-${int(rnd, 1000, 9999)}`;

  const page: BenchPage = {
    path: `/products/${slug}`,
    referrer: pick(rnd, REFERRERS),
    search: rnd() < 0.2 ? `?utm_source=newsletter&ref=${int(rnd, 1, 99)}` : "",
    title: `${category} | Example Shop`,
    url: `https://shop.example.com/products/${slug}`,
  };
  const context: BenchContext = {
    ip: `198.51.100.${int(rnd, 1, 254)}`,
    library: { name: "analytics.js", version: "next-1.76.0" },
    locale: pick(rnd, LOCALES),
    page,
    timezone: pick(rnd, TIMEZONES),
    userAgent: pick(rnd, UAS),
  };
  if (identified) {
    context.traits = {
      email:
        `${first.toLowerCase()}.${last.toLowerCase()}${userNum}@example.com`,
      first_name: first,
      last_name: last,
      plan: pick(rnd, PLANS),
      created_at: new Date(BASE_TIME_MS - int(rnd, 1, 900) * 86400000)
        .toISOString(),
    };
  }
  if (rnd() < 0.25) context.campaign = { ...pick(rnd, CAMPAIGNS) };

  const properties: BenchProperties = {
    category,
    currency: "USD",
    logged_in: identified,
  };
  addEventProperties(rnd, eventName, properties);

  return {
    anonymousId: uuid(rnd),
    context,
    event: eventName,
    integrations: {},
    messageId: `ajs-next-${hex(rnd, 32)}`,
    originalTimestamp: new Date(tsMs).toISOString(),
    properties,
    receivedAt: new Date(recvMs).toISOString(),
    sentAt: new Date(sentMs).toISOString(),
    timestamp: new Date(tsMs).toISOString(),
    type: "track",
    userId: identified ? `user_${userNum}` : null,
    version: 2,
  };
}

/** Returns `n` events starting at index `start`, as an array. */
export function generateEvents(
  n: number,
  start = 0,
  seed: number = SEED,
): BenchEvent[] {
  const out = new Array<BenchEvent>(n);
  for (let k = 0; k < n; k++) out[k] = makeEvent(start + k, seed);
  return out;
}

/** Yields `n` events starting at index `start`, lazily (nothing is retained). */
export function* eventStream(
  n: number,
  start = 0,
  seed: number = SEED,
): Generator<BenchEvent> {
  for (let k = 0; k < n; k++) yield makeEvent(start + k, seed);
}

/** The identity of a prefix of the sequence: its size and SHA-256 as JSONL. */
export interface EventsHash {
  n: number;
  bytes: number;
  sha256: string;
}

/** Returns the SHA-256 (hex) and byte size of the first `n` events as `\n`-terminated JSONL. */
export async function eventsHash(n = 10000): Promise<EventsHash> {
  const lines: string[] = [];
  for (const event of eventStream(n)) lines.push(JSON.stringify(event));
  const bytes = new TextEncoder().encode(lines.join("\n") + "\n");
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  const sha256 = Array.from(
    new Uint8Array(digest),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
  return { n, bytes: bytes.length, sha256 };
}
