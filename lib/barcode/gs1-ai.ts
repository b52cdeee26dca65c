// The GS1 application identifiers a marking code may carry (GS1 General Specifications, section 3),
// with the Chestny ZNAK usage of 91/92/93/8005 noted. `length` is fixed; `max` is a variable-length field
// that ends at a GS separator or at the end of the code.

export type AiSpec = { ai: string; name: string; length?: number; max?: number; numeric?: boolean };

const FIXED: AiSpec[] = [
  { ai: "00", name: "sscc", length: 18, numeric: true },
  { ai: "01", name: "gtin", length: 14, numeric: true },
  { ai: "02", name: "contentGtin", length: 14, numeric: true },
  { ai: "11", name: "productionDate", length: 6, numeric: true },
  { ai: "12", name: "dueDate", length: 6, numeric: true },
  { ai: "13", name: "packagingDate", length: 6, numeric: true },
  { ai: "15", name: "bestBefore", length: 6, numeric: true },
  { ai: "16", name: "sellBy", length: 6, numeric: true },
  { ai: "17", name: "expiry", length: 6, numeric: true },
  { ai: "20", name: "variant", length: 2, numeric: true },
  { ai: "402", name: "shipmentId", length: 17, numeric: true },
  { ai: "422", name: "originCountry", length: 3, numeric: true },
  { ai: "7003", name: "expiryTime", length: 10, numeric: true },
  // Chestny ZNAK: maximum retail price of a tobacco pack, in kopecks.
  { ai: "8005", name: "price", length: 6, numeric: true },
];

const VARIABLE: AiSpec[] = [
  { ai: "10", name: "batch", max: 20 },
  { ai: "21", name: "serial", max: 20 },
  { ai: "22", name: "consumerVariant", max: 20 },
  { ai: "240", name: "additionalId", max: 30 },
  { ai: "241", name: "customerPartNumber", max: 30 },
  { ai: "250", name: "secondarySerial", max: 30 },
  { ai: "251", name: "sourceReference", max: 30 },
  { ai: "30", name: "count", max: 8, numeric: true },
  { ai: "37", name: "tradeItemCount", max: 8, numeric: true },
  { ai: "400", name: "orderNumber", max: 30 },
  { ai: "401", name: "consignment", max: 30 },
  { ai: "403", name: "routingCode", max: 30 },
  { ai: "420", name: "shipToPostal", max: 20 },
  { ai: "8008", name: "productionDateTime", max: 12, numeric: true },
  { ai: "90", name: "internal", max: 30 },
  // Chestny ZNAK: 91 verification key id, 92 verification code (crypto signature), 93 short crypto tail.
  { ai: "91", name: "cryptoKeyId", max: 90 },
  { ai: "92", name: "cryptoCode", max: 90 },
  { ai: "93", name: "cryptoTail", max: 90 },
  { ai: "94", name: "internal94", max: 90 },
  { ai: "95", name: "internal95", max: 90 },
  { ai: "96", name: "internal96", max: 90 },
  { ai: "97", name: "internal97", max: 90 },
  { ai: "98", name: "internal98", max: 90 },
  { ai: "99", name: "internal99", max: 90 },
];

const BY_AI = new Map<string, AiSpec>([...FIXED, ...VARIABLE].map((s) => [s.ai, s]));

// Measures (310n–369n): six digits with n implied decimals, e.g. 3103 = net weight in kg, 3 decimals.
const MEASURES: Record<string, string> = {
  "310": "netWeightKg",
  "311": "lengthM",
  "312": "widthM",
  "313": "depthM",
  "314": "areaM2",
  "315": "netVolumeL",
  "316": "netVolumeM3",
  "330": "grossWeightKg",
  "320": "netWeightLb",
};
// Amounts (390n–393n): variable length with n implied decimals.
const AMOUNTS: Record<string, { name: string; max: number }> = {
  "390": { name: "amount", max: 15 },
  "391": { name: "amountIso", max: 18 },
  "392": { name: "price", max: 15 },
  "393": { name: "priceIso", max: 18 },
};

/** Finds the AI at the start of `rest`: 2, 3 or 4 digits (GS1 AIs are prefix-free). */
export function lookupAi(rest: string): (AiSpec & { decimals?: number }) | null {
  for (const len of [2, 3, 4]) {
    const ai = rest.slice(0, len);
    if (ai.length < len || !/^\d+$/.test(ai)) return null;
    const spec = BY_AI.get(ai);
    if (spec) return spec;
    if (len === 4) {
      const head = ai.slice(0, 3);
      const decimals = Number(ai[3]);
      if (/^3[1-6]\d$/.test(head)) {
        return { ai, name: MEASURES[head] ?? `measure${head}`, length: 6, numeric: true, decimals };
      }
      if (AMOUNTS[head]) return { ai, name: AMOUNTS[head].name, max: AMOUNTS[head].max, numeric: true, decimals };
    }
  }
  return null;
}

export function describeAi(ai: string): string {
  return lookupAi(ai)?.name ?? `ai${ai}`;
}
