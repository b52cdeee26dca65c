import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/require-role";

// The dashboard's home is the scans list; visitors who are not signed in go to sign-in.
export default async function Home() {
  const user = await getSessionUser();
  redirect(user ? "/scans" : "/sign-in");
}
