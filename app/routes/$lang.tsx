import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { errorPageMeta } from "~/utils/meta";
import { requireLanguage } from "~/utils/route.server";

// Every page lives under a language prefix; anything else is a 404.
export function loader({ params }: LoaderFunctionArgs) {
  requireLanguage(params);
  return null;
}

export default function LanguageLayout() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export const meta: MetaFunction = ({ matches, error }) => (error ? errorPageMeta(matches, error) : []);
