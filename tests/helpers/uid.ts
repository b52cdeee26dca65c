// Test data lives in one database shared by every file of a run, so each test names its rows afresh.
import { randomBytes } from "node:crypto";

/** `prefix` plus ten random hex characters: unique enough that no other test or file collides. */
export const uid = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;
