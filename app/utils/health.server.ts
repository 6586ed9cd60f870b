// For load balancers and uptime checks (app/routes/healthz.tsx).
import { getPrisma } from "./database.server";

/** Whether the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await getPrisma().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
