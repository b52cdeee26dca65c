import { authenticateApiKey } from "@/lib/auth/api-key-auth";
import { route } from "@/lib/http/route";
import { findClient } from "@/lib/loyalty/find-client";
import { clientRequest } from "@/lib/loyalty/loyalty.schema";

export const POST = route(
  { body: clientRequest, auth: (req) => authenticateApiKey(req, { scope: "loyalty" }), errorFormat: "fields", malformedJsonCode: "validation" },
  async ({ body, auth }) => ({
    success: true,
    client: await findClient({ search: body.search, pointId: body.point, holdIds: body.hold, allowed: auth.pointIds }),
  }),
);
