// The campaign event form, read from a POST and checked. Pure (no database). A local date and
// time with the zone the event happens in (stored as UTC), and a title and a place per
// language, plain text; at least one language with both. Errors are codes and every value
// comes back as typed.
import { supportedLanguages, type Language } from "~/i18n";
import { formFields, type FormSource } from "~/utils/form-fields";
import { EVENT_TIME_ZONES, isEventTimeZone, utcToZoned, zonedToUtc } from "~/utils/time-zone";

export const EVENT_LIMITS = { title: 120, place: 200 } as const;

export type EventFieldErrorCode = "required" | "too-long" | "title-missing" | "place-missing" | "nothing-written" | "bad-date" | "bad-time" | "bad-zone";

export interface EventFormValues {
  date: string;
  time: string;
  timeZone: string;
  /** `title-${language}` and `place-${language}`, as typed. */
  texts: Record<string, string>;
}

export interface ParsedEvent {
  startsAt: Date;
  timeZone: string;
  translations: { locale: Language; title: string; place: string }[];
}

export type EventFormResult = { ok: true; values: EventFormValues; event: ParsedEvent } | { ok: false; values: EventFormValues; errors: Record<string, EventFieldErrorCode> };

export const eventTitleKey = (language: Language) => `title-${language}`;
export const eventPlaceKey = (language: Language) => `place-${language}`;

// One line each. Read well past the limit, so a huge post costs nothing but keeps enough to
// show the "too long" message.
const readBound = (limit: number) => limit * 2 + 100;

/** Events are planned within these years; anything else is a typing slip. */
const YEARS = { from: 2000, to: 2100 };

export function readEventForm(form: FormSource): EventFormResult {
  const fields = formFields(form);
  const line = (name: string, limit: number) => fields.line(name, readBound(limit));
  const texts: Record<string, string> = {};
  const errors: Record<string, EventFieldErrorCode> = {};
  const translations: ParsedEvent["translations"] = [];
  const date = line("date", 10).trim();
  const time = line("time", 5).trim();
  const timeZone = line("timeZone", 40).trim();
  if (!date) errors.date = "required";
  if (!time) errors.time = "required";
  if (!isEventTimeZone(timeZone)) errors.timeZone = "bad-zone";
  for (const language of supportedLanguages) {
    const titleKey = eventTitleKey(language);
    const placeKey = eventPlaceKey(language);
    const title = line(titleKey, EVENT_LIMITS.title);
    const place = line(placeKey, EVENT_LIMITS.place);
    texts[titleKey] = title;
    texts[placeKey] = place;
    const trimmedTitle = title.trim();
    const trimmedPlace = place.trim();
    if (trimmedTitle.length > EVENT_LIMITS.title) errors[titleKey] = "too-long";
    if (trimmedPlace.length > EVENT_LIMITS.place) errors[placeKey] = "too-long";
    if (trimmedTitle && !trimmedPlace) errors[placeKey] ??= "place-missing";
    if (trimmedPlace && !trimmedTitle) errors[titleKey] ??= "title-missing";
    if (trimmedTitle && trimmedPlace && !errors[titleKey] && !errors[placeKey]) translations.push({ locale: language, title: trimmedTitle, place: trimmedPlace });
  }
  const values = { date, time, timeZone, texts };
  let startsAt: Date | null = null;
  if (date && time && !errors.timeZone) {
    const year = Number(date.slice(0, 4));
    if (!/^\d{2}:\d{2}$/.test(time) || Number(time.slice(0, 2)) > 23 || Number(time.slice(3)) > 59) errors.time = "bad-time";
    else {
      startsAt = zonedToUtc(date, time, timeZone);
      if (!startsAt || year < YEARS.from || year > YEARS.to) errors.date = "bad-date";
    }
  }
  if (Object.keys(errors).length > 0 || !startsAt) return { ok: false, values, errors };
  if (translations.length === 0) return { ok: false, values, errors: { form: "nothing-written" } };
  return { ok: true, values, event: { startsAt, timeZone, translations } };
}

/** The form's values for a stored event (to edit it), or a blank one in the first zone offered. */
export function valuesOfEvent(event: { startsAt: Date; timeZone: string; translations: readonly { locale: string; title: string; place: string }[] } | null): EventFormValues {
  const texts: Record<string, string> = {};
  for (const language of supportedLanguages) {
    const row = event?.translations.find((translation) => translation.locale === language);
    texts[eventTitleKey(language)] = row?.title ?? "";
    texts[eventPlaceKey(language)] = row?.place ?? "";
  }
  if (!event) return { date: "", time: "", timeZone: EVENT_TIME_ZONES[0], texts };
  return { ...utcToZoned(event.startsAt, event.timeZone), timeZone: event.timeZone, texts };
}
