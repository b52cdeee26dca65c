// Ready-made messages for the moderation dialog. They go to the app user, so they are in the app's
// language (Russian) whatever the dashboard's language; "{points}" becomes each scan's points.
export const MODERATION_TEMPLATES: Record<"approved" | "denied", string[]> = {
  approved: ["Начислено {points} бонусов", "Бонусы начислены. Спасибо за покупку!"],
  denied: [
    "Товар не участвует в акции",
    "Покупка совершена вне сроков акции",
    "Код уже использован для начисления бонусов",
    "Не удалось подтвердить покупку",
  ],
};
