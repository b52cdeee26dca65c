// The demo's public credentials: printed in the README so a newcomer can sign in and call the APIs
// right after `npm start`. Seeded only in the local demo (or with DEMO_SEED=true); anywhere else their
// presence stops the start (see find-demo-credentials.ts).
export const DEMO_USERS = [
  { email: "admin@example.com", password: "admin12345", role: "admin", name: "Demo Admin" },
  { email: "staff@example.com", password: "staff12345", role: "staff", name: "Demo Staff" },
] as const;

export const DEMO_WEBHOOK_KEY = "demo-webhook-key";
export const DEMO_TILL_KEY = "demo-till-key-0000000000";
