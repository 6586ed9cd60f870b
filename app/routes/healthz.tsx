import { databaseAnswers, describePeriodicJobs } from "~/utils/health.server";

// For load balancers and uptime checks: 200 when the database answers (the first line says
// "ok"), then when the retention purges and reminders last ran (docs/operators.md).
export async function loader() {
  if (await databaseAnswers()) {
    const jobs = await describePeriodicJobs().catch(() => "jobs: unknown");
    return new Response(`ok\n${jobs}\n`, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  return new Response("database unavailable\n", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
