import { getPrisma } from "~/utils/database.server";

// For load balancers and uptime checks: 200 when the database answers.
export async function loader() {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  } catch {
    return new Response("database unavailable\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
