import type { Gs1Element } from "@/lib/barcode/gs1-parse";

/** The elements people care about, in readable units. */
export type Gs1Summary = {
  gtin?: string;
  serial?: string;
  batch?: string;
  /** ISO date (AI 17); day "00" means the end of that month. */
  expiry?: string;
  productionDate?: string;
  netWeightKg?: number;
  /** Chestny ZNAK tobacco maximum retail price (AI 8005), in kopecks. */
  priceKopecks?: number;
  cryptoKeyId?: string;
  cryptoCode?: string;
  cryptoTail?: string;
};

export function summarizeGs1(elements: Gs1Element[]): Gs1Summary {
  const out: Gs1Summary = {};
  for (const { ai, value } of elements) {
    if (ai === "01") out.gtin = value;
    else if (ai === "21") out.serial = value;
    else if (ai === "10") out.batch = value;
    else if (ai === "17") out.expiry = gs1Date(value) ?? undefined;
    else if (ai === "11") out.productionDate = gs1Date(value) ?? undefined;
    else if (/^310\d$/.test(ai)) out.netWeightKg = Number(value) / 10 ** Number(ai[3]);
    else if (ai === "8005") out.priceKopecks = Number(value);
    else if (ai === "91") out.cryptoKeyId = value;
    else if (ai === "92") out.cryptoCode = value;
    else if (ai === "93") out.cryptoTail = value;
  }
  return out;
}

/** YYMMDD → ISO date. GS1's century rule: years more than 49 ahead of now belong to the last century. */
export function gs1Date(value: string, now = new Date()): string | null {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (!m) return null;
  const [yy, mm, dd] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mm < 1 || mm > 12 || dd > 31) return null;
  const currentYear = now.getUTCFullYear();
  const century = Math.floor(currentYear / 100) * 100;
  let year = century + yy;
  if (year - currentYear > 50) year -= 100;
  else if (currentYear - year >= 50) year += 100;
  const day = dd === 0 ? new Date(Date.UTC(year, mm, 0)).getUTCDate() : dd;
  const date = new Date(Date.UTC(year, mm - 1, day));
  if (date.getUTCMonth() !== mm - 1) return null;
  return date.toISOString().slice(0, 10);
}
