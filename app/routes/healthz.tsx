import { databaseAnswers } from "~/utils/health.server";

// For load balancers and uptime checks: 200 when the database answers.
export async function loader() {
  if (await databaseAnswers()) {
    return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response("database unavailable\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
