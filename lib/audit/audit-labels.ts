// Audit rows keep the actor's label as written (an e-mail, or a fixed label for the system's own actors),
// so old rows read the same after a relabel. The page names the system's actors in the user's language;
// these are the labels lib/ writes (ensure-admin, sign-in-throttle, cancel-order-from-app, rotate-secrets,
// remove-demo-credentials, scripts/portal's cliActor).
const SYSTEM_ACTORS: Record<string, string> = {
  "system:ADMIN_EMAIL": "adminEmail",
  "sign-in throttle": "signInThrottle",
  "IMSHOP: cancelled in the app": "imshopCancel",
  "system:secrets rotate": "secretsRotate",
  "system:demo remove": "demoRemove",
};

/** The `audit.actors` message for a system actor's label, or null for a person (shown as is). */
export function systemActorMessage(label: string): { key: string; values?: { name: string } } | null {
  if (SYSTEM_ACTORS[label]) return { key: SYSTEM_ACTORS[label] };
  const cli = /^cli:(.*)$/.exec(label);
  return cli ? { key: "cli", values: { name: cli[1] } } : null;
}
