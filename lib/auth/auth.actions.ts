"use server";

import { z } from "zod";
import { runAction, type ActionResult } from "@/lib/http/run-action";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";

/** "Sign out everywhere": the signed-in user's own sessions end on every device, this one included. */
export async function signOutEverywhereAction(): Promise<ActionResult<undefined>> {
  return runAction({
    role: "staff",
    schema: z.object({}),
    input: {},
    logMessage: "sign out everywhere failed",
    run: async (_data, actor) => {
      await signOutEverywhere({ actor, userId: actor.id });
      return undefined;
    },
  });
}
