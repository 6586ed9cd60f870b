import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { pageWindow } from "./page-window";

/**
 * Numbered pagination as plain links (works without JavaScript): Previous, the first and last
 * page, the current page (aria-current="page") with its neighbours, gaps, Next. `href` builds
 * each page's address, so the caller keeps its own filters in it. Nothing shows for one page.
 */
export function Pagination({ page, pageCount, href, label }: { page: number; pageCount: number; href: (page: number) => string; label?: string }) {
  const { t } = useTranslation("common");
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label ?? t("common:pagination.label")} className="page-links">
      <ul>
        {page > 1 ? (
          <li className="page-links__step">
            <Link rel="prev" to={href(page - 1)}>
              {t("common:pagination.previous")}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} className="page-links__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              <Link to={href(item)} aria-current={item === page ? "page" : undefined} aria-label={t("common:pagination.page", { page: item })}>
                {item}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li className="page-links__step">
            <Link rel="next" to={href(page + 1)}>
              {t("common:pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
