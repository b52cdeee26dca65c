import { route } from "@/lib/http/route";
import { imshopWebhookAuth } from "@/lib/imshop/webhook-auth";
import { scanHistoryBodySchema } from "@/lib/scans/scans.schema";
import { listScanHistory } from "@/lib/scans/list-scan-history";

// The app's scan history screen (contract 1.2): the user's scans, newest first.
export const POST = route({ body: scanHistoryBodySchema, auth: imshopWebhookAuth }, async ({ body }) => ({
  scans: await listScanHistory({ userId: body.userId }),
}));
