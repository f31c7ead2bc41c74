/** Why a value was refused: a stable code and a message in English and in Bahasa Indonesia. */
export interface Rejection {
  ok: false;
  /** A stable code, e.g. `nik.length`, `phone.landline`, `email.at`. */
  code: string;
  /** What is wrong and what to write instead, in English. */
  message: string;
  /** The same message in Bahasa Indonesia. */
  messageId: string;
}

export function reject(code: string, message: string, messageId: string): Rejection {
  return { ok: false, code, message, messageId };
}
