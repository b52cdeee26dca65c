// What the app shows a buyer whose cancellation was refused (contract 2.3). IMSHOP's requests carry no
// language, and the merchant's buyers read Russian, so Russian is the default.
export type CancelRefusal = "unknown_order" | "already_cancelled" | "final" | "not_cancellable" | "not_configured";
export type CancelLocale = "ru" | "en";

const TEXTS: Record<CancelLocale, Record<CancelRefusal, (status: string) => string>> = {
  ru: {
    unknown_order: () => "Заказ не найден",
    already_cancelled: () => "Заказ уже отменён",
    final: (s) => `Заказ уже завершён («${s}»), отменить его нельзя`,
    not_cancellable: (s) => `Заказ в статусе «${s}» уже нельзя отменить`,
    not_configured: () => "Этот заказ нельзя отменить из приложения: свяжитесь с магазином",
  },
  en: {
    unknown_order: () => "Order not found",
    already_cancelled: () => "The order is already cancelled",
    final: (s) => `The order is already completed ("${s}") and cannot be cancelled`,
    not_cancellable: (s) => `The order is "${s}" and can no longer be cancelled`,
    not_configured: () => "This order cannot be cancelled from the app: please contact the shop",
  },
};

export function cancelRefusalText(reason: CancelRefusal, status: string, locale: CancelLocale = "ru"): string {
  return TEXTS[locale][reason](status);
}
