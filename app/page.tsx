import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";

// "/" has no content of its own: send people where they can do something.
export default async function HomePage() {
  const user = await getCurrentUser();
  redirect(user ? "/errors" : "/sign-in");
}
