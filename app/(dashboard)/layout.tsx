import type { ReactNode } from "react";
import { requireRole } from "@/lib/auth/require-role";
import { AppShell } from "@/components/shell/app-shell";

// The frame only: each page still calls requireRole() itself, since layouts do not re-run on every navigation.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await requireRole("staff");
  return <AppShell user={user}>{children}</AppShell>;
}
