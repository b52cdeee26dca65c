import type { CampaignTextOutcome, CampaignTexts, TextLocale } from "@/lib/campaigns/campaigns.schema";

/** Every way a scan can end up, each with its own default texts. */
export type ScanOutcome =
  | "approved"
  | "processing"
  | "unparseable"
  | "no_campaign"
  | "expired"
  | "duplicate"
  | "limit"
  | "denied";

export type ScanTexts = { alertTitle: string; alertMessage: string; statusMessage: string };

// Which campaign text overrides an outcome's default (none for a code that names no product).
const CAMPAIGN_KEY: Record<ScanOutcome, CampaignTextOutcome | null> = {
  approved: "approved",
  processing: "processing",
  unparseable: null,
  no_campaign: "denied",
  expired: "denied",
  duplicate: "duplicate",
  limit: "limit",
  denied: "denied",
};

// Shown in the IMSHOP app. {points} and {campaign} are filled in; admins override them per campaign.
export const DEFAULT_SCAN_TEXTS: Record<TextLocale, Record<ScanOutcome, ScanTexts>> = {
  ru: {
    approved: {
      alertTitle: "Бонусы начислены",
      alertMessage: "Начислено {points} бонусов за сканирование кода",
      statusMessage: "Начислено {points} бонусов",
    },
    processing: {
      alertTitle: "Код принят",
      alertMessage: "Код отправлен на проверку. Бонусы будут начислены после проверки",
      statusMessage: "На проверке",
    },
    unparseable: {
      alertTitle: "Ошибка",
      alertMessage: "Не удалось распознать код. Отсканируйте код маркировки «Честный ЗНАК» на упаковке товара",
      statusMessage: "Код не распознан",
    },
    no_campaign: {
      alertTitle: "Ошибка",
      alertMessage: "Товар не участвует в бонусной акции",
      statusMessage: "Начисление бонусов по данному коду невозможно",
    },
    expired: {
      alertTitle: "Ошибка",
      alertMessage: "Срок начисления бонусов по данному коду истек",
      statusMessage: "Начисление бонусов по данному коду невозможно",
    },
    duplicate: {
      alertTitle: "Код уже зарегистрирован",
      alertMessage: "Этот код уже был зарегистрирован ранее",
      statusMessage: "Код уже зарегистрирован",
    },
    limit: {
      alertTitle: "Лимит исчерпан",
      alertMessage: "Вы достигли дневного лимита сканирований по акции. Попробуйте завтра",
      statusMessage: "Превышен дневной лимит сканирований",
    },
    denied: {
      alertTitle: "Отказано",
      alertMessage: "Начисление бонусов по данному коду отклонено",
      statusMessage: "Отказано в начислении бонусов",
    },
  },
  en: {
    approved: {
      alertTitle: "Points credited",
      alertMessage: "{points} points have been credited for this code",
      statusMessage: "{points} points credited",
    },
    processing: {
      alertTitle: "Code accepted",
      alertMessage: "The code is being reviewed. Points will be credited once it is approved",
      statusMessage: "Under review",
    },
    unparseable: {
      alertTitle: "Error",
      alertMessage: "The code could not be read. Scan the Chestny ZNAK marking code on the package",
      statusMessage: "Code not recognised",
    },
    no_campaign: {
      alertTitle: "Error",
      alertMessage: "This product is not part of a bonus campaign",
      statusMessage: "No points can be credited for this code",
    },
    expired: {
      alertTitle: "Error",
      alertMessage: "The bonus period for this code has expired",
      statusMessage: "No points can be credited for this code",
    },
    duplicate: {
      alertTitle: "Already registered",
      alertMessage: "This code has already been registered",
      statusMessage: "Code already registered",
    },
    limit: {
      alertTitle: "Daily limit reached",
      alertMessage: "You have reached today's scan limit for this campaign. Please try again tomorrow",
      statusMessage: "Daily scan limit exceeded",
    },
    denied: {
      alertTitle: "Denied",
      alertMessage: "Points for this code have been declined",
      statusMessage: "Points declined",
    },
  },
};

// The word after "{points}" agrees with the number ("1 бонус", "3 бонуса", "200 бонусов"; "1 point"), so a
// text written once for any number reads right for each, an admin's own texts included.
const POINT_WORDS: Record<TextLocale, { pattern: RegExp; forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } }> = {
  ru: { pattern: /\{points\}(\s+)бонус(?:ов|а)?(?![а-яё])/gu, forms: { one: "бонус", few: "бонуса", many: "бонусов", other: "бонуса" } },
  en: { pattern: /\{points\}(\s+)points?(?![a-z])/gu, forms: { one: "point", other: "points" } },
};

/** Replaces "{points}" with the number, and the word for points after it with the form that number takes. */
export function fillPoints(text: string, points: number, locale: TextLocale): string {
  const { pattern, forms } = POINT_WORDS[locale];
  const word = forms[new Intl.PluralRules(locale).select(points)] ?? forms.other;
  return text.replace(pattern, (_m, space: string) => `${points}${space}${word}`).replace(/\{points\}/g, String(points));
}

export type TextCampaign = { name: string; bonusPoints: number; texts: CampaignTexts };

/** The texts for an outcome: the campaign's, field by field, over the defaults; placeholders filled in. */
export function resolveScanTexts({
  outcome,
  locale = "ru",
  campaign,
  points,
}: {
  outcome: ScanOutcome;
  locale?: TextLocale;
  campaign?: TextCampaign | null;
  points?: number | null;
}): ScanTexts {
  const defaults = DEFAULT_SCAN_TEXTS[locale][outcome];
  const key = CAMPAIGN_KEY[outcome];
  const own = key && campaign ? campaign.texts[key]?.[locale] : undefined;
  const fill = (s: string) => fillPoints(s, points ?? campaign?.bonusPoints ?? 0, locale).replace(/\{campaign\}/g, campaign?.name ?? "");
  return {
    alertTitle: fill(own?.alertTitle ?? defaults.alertTitle),
    alertMessage: fill(own?.alertMessage ?? defaults.alertMessage),
    statusMessage: fill(own?.statusMessage ?? defaults.statusMessage),
  };
}

/** The app's language for a scan: an optional `locale`/`lang`/`language` form field, Russian otherwise. */
export function appLocale(data: unknown): TextLocale {
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    const value = [d.locale, d.lang, d.language].find((v) => typeof v === "string");
    if (typeof value === "string" && value.toLowerCase().startsWith("en")) return "en";
  }
  return "ru";
}
