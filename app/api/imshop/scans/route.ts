import { route } from "@/lib/http/route";
import { imshopWebhookAuth } from "@/lib/imshop/webhook-auth";
import { registerScanBodySchema } from "@/lib/scans/scans.schema";
import { registerScan } from "@/lib/scans/register-scan";

// IMSHOP reports a scan (contract 1.1): decided and answered from the database alone, no outbound call.
export const POST = route({ body: registerScanBodySchema, auth: imshopWebhookAuth }, async ({ body, log }) => {
  const { answer, created } = await registerScan(body);
  log.info({ scanId: answer.id, status: answer.status, repeat: !created }, "scan registered");
  return answer;
});
