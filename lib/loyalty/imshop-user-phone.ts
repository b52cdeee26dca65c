/**
 * An IMSHOP user id that is a Russian mobile number (11 digits starting with 7 or 8, "+7" allowed) as the
 * stored phone `7XXXXXXXXXX`; null for any other id. Looser forms (10 digits) are not taken: a numeric
 * account id must not be mistaken for somebody's phone.
 */
export function phoneFromImshopUserId(userId: string): string | null {
  const m = /^(?:\+7|7|8)(\d{10})$/.exec(userId.trim());
  return m ? `7${m[1]}` : null;
}
