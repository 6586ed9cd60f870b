import { isRouteErrorResponse } from "@remix-run/react";

/** What kind of error page to show, by status: shared by the error boundary and the page title. */
export type ErrorKind = "not-found" | "forbidden" | "bad-request" | "server";

export function errorKind(error: unknown): { status: number; kind: ErrorKind } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "not-found" : status === 403 ? "forbidden" : status === 400 ? "bad-request" : "server";
  return { status, kind };
}
