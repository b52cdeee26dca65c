import { prisma } from "@/lib/db";

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  points: { id: string; name: string }[];
  rateLimitPerMinute: number | null;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};

/** Every key, active ones first; never the hash. */
export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const keys = await prisma.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      rateLimitPerMinute: true,
      createdById: true,
      lastUsedAt: true,
      revokedAt: true,
      createdAt: true,
      points: { select: { point: { select: { id: true, name: true } } } },
    },
  });
  const authors = await prisma.user.findMany({
    where: { id: { in: keys.map((k) => k.createdById).filter((v): v is string => !!v) } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(authors.map((a) => [a.id, a.email]));
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    rateLimitPerMinute: k.rateLimitPerMinute,
    points: k.points.map((p) => p.point),
    createdBy: k.createdById ? (emailOf.get(k.createdById) ?? null) : null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  }));
}
