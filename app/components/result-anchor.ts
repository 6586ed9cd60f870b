// Forms that answer on the same page post to an address ending in #result, and the page puts
// id="result" on what answers: the error summary when something is wrong, otherwise the result
// (a preview, a printable letter, a link). Without JavaScript the browser scrolls there by
// itself; with it, the answer's focusable heading (tabindex="-1") also takes the focus, so a
// screen reader starts reading there and the result stays in view.
import { useEffect } from "react";

export const RESULT_ID = "result";

/** `action` with the fragment that lands the answer in view. */
export function toResult(action: string): string {
  return `${action.replace(/#.*$/, "")}#${RESULT_ID}`;
}

/** After a form came back (the address ends in #result), focuses the answer's heading. */
export function useFocusResult(answered: boolean) {
  useEffect(() => {
    if (!answered || window.location.hash !== `#${RESULT_ID}`) return;
    const answer = document.getElementById(RESULT_ID);
    if (!answer) return;
    const heading = answer.matches("[tabindex='-1']") ? answer : answer.querySelector<HTMLElement>("[tabindex='-1']");
    (heading ?? answer).focus();
    answer.scrollIntoView({ block: "start" });
    // Only once, when the page with the answer is first shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
