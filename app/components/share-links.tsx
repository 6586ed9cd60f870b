// The "share" block of public pages: the page's address to copy, and plain links that open
// each network's own share page. Nothing is loaded from those networks (no script, no image,
// no frame) until a reader follows a link, and then they get only the address and title.
import { useTranslation } from "react-i18next";

interface ShareLinksProps {
  /** The page's absolute, canonical address. */
  url: string;
  title: string;
}

/** Network share pages, by the name readers know them by (names are not translated). */
function networkLinks(url: string, title: string) {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return [
    { network: "Telegram", href: `https://t.me/share/url?url=${u}&text=${text}` },
    { network: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { network: "Signal", href: `https://signal.me/#text=${encodeURIComponent(`${title} ${url}`)}` },
    { network: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: "X", href: `https://x.com/intent/post?url=${u}&text=${text}` },
    { network: "Bluesky", href: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${title} ${url}`)}` },
    { network: "VK", href: `https://vk.com/share.php?url=${u}&title=${text}` },
  ];
}

export function ShareLinks({ url, title }: ShareLinksProps) {
  const { t } = useTranslation();
  const id = "share-heading";
  return (
    <section className="share" aria-labelledby={id}>
      <h2 id={id}>{t("reach:share.heading")}</h2>
      <p>
        <label htmlFor="share-url">{t("reach:share.link-label")}</label>
        <input id="share-url" className="share__url" type="url" readOnly value={url} aria-describedby="share-hint" />
        <span id="share-hint" className="hint">{t("reach:share.link-hint")}</span>
      </p>
      <ul className="share__networks">
        {networkLinks(url, title).map(({ network, href }) => (
          <li key={network}>
            <a href={href} rel="noopener noreferrer nofollow" data-network={network}>
              {t("reach:share.on", { network })}
            </a>
          </li>
        ))}
        <li>
          <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`} data-network="email">
            {t("reach:share.email")}
          </a>
        </li>
      </ul>
      <p className="share__privacy">{t("reach:share.privacy")}</p>
    </section>
  );
}
