import { prisma } from "@/lib/db";
import type { Import } from "@/lib/generated/prisma/client";
import { slugOfKind, type ImportKindSlug } from "@/lib/imports/import-kinds";

/** What the API, the page and its polling show of one import. */
export type ImportView = {
  id: string;
  kind: ImportKindSlug;
  state: Import["state"];
  targetId: string | null;
  fileName: string | null;
  total: number | null;
  processed: number;
  created: number;
  updated: number;
  failed: number;
  /** Records per second since the job started, while running or once finished. */
  rowsPerSecond: number | null;
  /** Seconds until the job is done at that speed, while running. */
  secondsLeft: number | null;
  failure: string | null;
  cancelRequested: boolean;
  reversible: boolean;
  reversedAt: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export function toImportView(job: Import, now = new Date()): ImportView {
  const end = job.finishedAt ?? now;
  const seconds = job.startedAt ? (end.getTime() - job.startedAt.getTime()) / 1000 : 0;
  const rowsPerSecond = job.startedAt && seconds > 0 && job.processed > 0 ? Math.round(job.processed / seconds) : null;
  const left = job.total !== null ? Math.max(0, job.total - job.processed) : null;
  return {
    id: job.id,
    kind: slugOfKind(job.kind),
    state: job.state,
    targetId: job.targetId,
    fileName: job.fileName,
    total: job.total,
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    failed: job.failed,
    rowsPerSecond,
    secondsLeft: job.state === "running" && rowsPerSecond && left !== null ? Math.ceil(left / rowsPerSecond) : null,
    failure: job.failure,
    cancelRequested: job.cancelRequested,
    reversible: job.kind === "clients" && !job.reversedAt && (job.state === "done" || job.state === "cancelled" || job.state === "failed") && job.created > 0,
    reversedAt: job.reversedAt?.toISOString() ?? null,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function findImport(id: string): Promise<ImportView | null> {
  const job = await prisma.import.findUnique({ where: { id } });
  return job ? toImportView(job) : null;
}

/** The newest imports first, for the page (which polls it while any is running). */
export async function listImports(take = 50): Promise<ImportView[]> {
  const jobs = await prisma.import.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const now = new Date();
  return jobs.map((j) => toImportView(j, now));
}

export type ImportTargets = {
  /** Pool offers take codes; user-targeted offers take user lists. */
  offers: { id: string; name: string; pool: boolean; users: boolean }[];
  campaigns: { id: string; name: string }[];
};

/** The offers and campaigns the page's upload form may name, newest first. */
export async function importTargets(): Promise<ImportTargets> {
  const [offers, campaigns] = await Promise.all([
    prisma.offer.findMany({ orderBy: { createdAt: "desc" }, take: 500, select: { id: true, name: true, promocodeMode: true, targeting: true } }),
    prisma.campaign.findMany({ orderBy: { createdAt: "desc" }, take: 500, select: { id: true, name: true } }),
  ]);
  return {
    offers: offers.map((o) => ({ id: o.id, name: o.name, pool: o.promocodeMode === "pool", users: o.targeting === "users" })),
    campaigns,
  };
}
