import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/metrics/metrics";

// The dashboard must be built on names the portal exports: a renamed metric would leave panels empty.
describe("ops/grafana/imshop-connect.json", () => {
  it("queries only metrics the registry defines", async () => {
    const dashboard = JSON.parse(readFileSync(path.resolve(__dirname, "../../ops/grafana/imshop-connect.json"), "utf8"));
    const exported = new Set((await metrics().registry.getMetricsAsJSON()).map((m) => m.name));
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) => p.targets.map((t) => t.expr));
    expect(exprs.length).toBeGreaterThan(10);
    const used = new Set(exprs.flatMap((e) => e.match(/imshop_[a-z_]+/g) ?? []).map((n) => n.replace(/_(bucket|count|sum)$/, "")));
    expect([...used].filter((n) => !exported.has(n))).toEqual([]);
    for (const name of ["imshop_http_requests_total", "imshop_outbox_queue_depth", "imshop_outbox_commit_to_receipt_seconds", "imshop_outbox_circuit_state", "imshop_job_queue_depth", "imshop_db_pool_connections"]) {
      expect(used.has(name), name).toBe(true);
    }
  });
});
