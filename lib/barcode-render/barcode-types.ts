// The barcode types an offer may carry. The key is what IMSHOP receives as `barcodeType` (seed 003 uses
// "code128", its default, and "qr"); `bcid` is the bwip-js encoder that draws the same symbol, so the preview
// an admin sees is the symbol the till will scan.
export const BARCODE_TYPES = {
  code128: { bcid: "code128", label: "Code 128", twoD: false },
  qr: { bcid: "qrcode", label: "QR Code", twoD: true },
  ean13: { bcid: "ean13", label: "EAN-13", twoD: false },
  ean8: { bcid: "ean8", label: "EAN-8", twoD: false },
  upca: { bcid: "upca", label: "UPC-A", twoD: false },
  code39: { bcid: "code39", label: "Code 39", twoD: false },
  itf14: { bcid: "itf14", label: "ITF-14", twoD: false },
  datamatrix: { bcid: "datamatrix", label: "Data Matrix", twoD: true },
  pdf417: { bcid: "pdf417", label: "PDF417", twoD: true },
  aztec: { bcid: "azteccode", label: "Aztec", twoD: true },
} as const;

export type BarcodeType = keyof typeof BARCODE_TYPES;

export const BARCODE_TYPE_IDS = Object.keys(BARCODE_TYPES) as [BarcodeType, ...BarcodeType[]];

export const DEFAULT_BARCODE_TYPE: BarcodeType = "code128";

export function isBarcodeType(value: unknown): value is BarcodeType {
  return typeof value === "string" && Object.hasOwn(BARCODE_TYPES, value);
}

/** The bwip-js encoder for a wire name; throws for names outside the table so no caller guesses. */
export function toBcid(type: BarcodeType): string {
  if (!isBarcodeType(type)) throw new Error(`Unknown barcode type "${String(type)}"`);
  return BARCODE_TYPES[type].bcid;
}
