import type { LocalizedText } from "~/utils/localized";

/** Content text, marked with its own language when it is a fallback (screen readers switch voice). */
export function TranslatedText({ value }: { value: LocalizedText }) {
  return value.isFallback ? <span lang={value.locale}>{value.text}</span> : <>{value.text}</>;
}
