/** What an Idempotency-Key header may be: 1 to 200 visible ASCII characters (a UUID, say). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
