/** The Gainsight PX endpoints by data center. */
export const endpoints = {
  track: {
    north_america: "https://segment-esp.aptrinsic.com/rte/segmentio/v1/push",
    europe: "https://segment-esp-eu.aptrinsic.com/rte/segmentio/v1/push",
    us2: "https://segment-esp-us2.aptrinsic.com/rte/segmentio/v1/push",
  },
  batch: {
    north_america: "https://segment-esp.aptrinsic.com/rte/segmentio/v1/batch",
    europe: "https://segment-esp-eu.aptrinsic.com/rte/segmentio/v1/batch",
    us2: "https://segment-esp-us2.aptrinsic.com/rte/segmentio/v1/batch",
  },
} as const;

type Region = keyof typeof endpoints.track;

/** Returns the endpoint for a data center; an unknown one falls back to North America. */
export function getEndpointByRegion(
  endpoint: keyof typeof endpoints,
  region?: string,
): string {
  const byRegion: Record<Region, string> = endpoints[endpoint];
  return Object.hasOwn(byRegion, region ?? "")
    ? byRegion[region as Region]
    : byRegion.north_america;
}
