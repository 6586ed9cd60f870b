// Serves the production Remix build through the real Express app on a free port, backed
// by a fresh seeded database, for tests that speak HTTP.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { ServerBuild } from "@remix-run/node";

import {
  setCurrentContentRevisionWatcher,
  watchContentRevision,
  type ContentRevisionWatcher,
} from "~/utils/content-revision.server";
import { parseEnv } from "~/utils/env.server";

import { seedDemoData } from "../../prisma/seed";
import { useFreshDatabase, type TestDatabase } from "../../scripts/support/scratch-database";
import { createApp } from "../../server/app";
import { createPageCache } from "../../server/page-cache";

import { freePort } from "./spawn-listy";

export interface TestServer {
  url: string;
  database: TestDatabase;
  contentRevision: ContentRevisionWatcher;
  /** The listening server itself, for tests that watch its connections. */
  http: Server;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /**
   * "withheld": the caches never receive the database's change notifications, as when one
   * arrives late. Whatever a request changes must then still show on the next page at once.
   */
  notifications?: "delivered" | "withheld";
}

export async function startTestServer(envOverrides: Record<string, string> = {}, { notifications = "delivered" }: TestServerOptions = {}): Promise<TestServer> {
  const buildFile = path.resolve("build", "index.js");
  if (!existsSync(buildFile)) throw new Error("No production build: run `npm run build` before the HTTP tests.");
  const database = await useFreshDatabase();
  await seedDemoData(database.prisma);
  const build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
  const env = parseEnv({ NODE_ENV: "production", ...envOverrides });
  // The page cache is on, as in production, so every HTTP test also exercises it.
  const watched = notifications === "delivered" ? database : { ...database, sql: { ...database.sql, listen: async () => async () => undefined } };
  const contentRevision = await watchContentRevision(watched);
  setCurrentContentRevisionWatcher(contentRevision);
  // The port is chosen first so that the app knows its own address: links in emails point there.
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = createApp({ build, env, localOrigin: url, pageCache: createPageCache({ currentRevision: contentRevision.current, currentCounters: contentRevision.countersVersion, exposeStatus: true }) });
  const server = app.listen(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", () => resolve());
    server.once("error", reject);
  });
  return {
    url,
    database,
    contentRevision,
    http: server,
    async close() {
      await contentRevision.stop().catch(() => undefined);
      setCurrentContentRevisionWatcher(undefined);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.destroy();
    },
  };
}
