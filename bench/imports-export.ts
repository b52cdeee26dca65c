// The 1M-client export, timed in its own process (the dashboard route needs a signed-in admin; the route
// only wraps this generator in a streamed Response): rows/s and the process's peak RSS. Prints one JSON line.
//   DATABASE_URL=… node --import tsx bench/imports-export.ts
export {};
async function main() {
  const { exportClients } = await import("@/lib/loyalty/export-clients");
  const { disconnectDatabase } = await import("@/lib/db");
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const started = performance.now();
  let bytes = 0;
  let lines = 0;
  for await (const chunk of exportClients({ actor: { id: null, label: "bench" } })) {
    bytes += Buffer.byteLength(chunk);
    for (let i = chunk.indexOf("\n"); i !== -1; i = chunk.indexOf("\n", i + 1)) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  await disconnectDatabase();
  const rows = lines - 1;
  console.log(JSON.stringify({ rows, bytes, seconds, rowsPerSecond: Math.round(rows / seconds), peakRssMb: Math.round(peak / 1048576) }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
