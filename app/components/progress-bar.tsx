import { useTranslation } from "react-i18next";

/**
 * A goal meter rendered on the server: a native <progress> element, named by its visible
 * label and described by the same words sighted readers see ("3 actions of 1,000").
 * No inline styles (the CSP forbids them); the look is in campaigns.css.
 */
export function ProgressBar({
  id,
  value,
  max,
  label,
  valueText,
}: {
  /** Unique on the page: several meters can share one list. */
  id: string;
  value: number;
  max: number;
  label: string;
  /** Text equivalent, already formatted on the server. */
  valueText: string;
}) {
  const clamped = Math.min(Math.max(value, 0), max);
  return (
    <div className="progress">
      <p className="progress__label" id={`${id}-label`}>
        {label}
      </p>
      <progress
        id={id}
        className="progress__bar"
        value={clamped}
        max={max}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-text`}
      >
        {valueText}
      </progress>
      <p className="progress__text" id={`${id}-text`}>
        {valueText}
      </p>
    </div>
  );
}

/** A campaign's actions against its goal; without a goal, just the count so far. */
export function CampaignProgress({
  id,
  campaign,
}: {
  id: string;
  campaign: { actionCount: number; displayActionCount: string; goal: number | null; displayGoal: string | null };
}) {
  const { t } = useTranslation();
  if (campaign.goal === null || campaign.displayGoal === null) {
    return (
      <p className="progress__text">
        {t("campaigns:progress.count", { count: campaign.actionCount, number: campaign.displayActionCount })}
      </p>
    );
  }
  return (
    <ProgressBar
      id={id}
      value={campaign.actionCount}
      max={campaign.goal}
      label={t("campaigns:progress.label")}
      valueText={t("campaigns:progress.of-goal", {
        count: campaign.actionCount,
        number: campaign.displayActionCount,
        goal: campaign.displayGoal,
      })}
    />
  );
}
