// Liveness without touching the database (/healthz checks the database too). Also the
// benchmark's "minimal route": the cost of the server and Remix alone.
export function loader() {
  return new Response("pong\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
