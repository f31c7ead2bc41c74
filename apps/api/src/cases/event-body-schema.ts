import { minLength } from 'class-validator';

/**
 * The body of POST /api/cases/:id/events as a JSON Schema, for the compiled fast check in front of
 * EventDto (common/fast-body.ts). It accepts only bodies EventDto accepts; whatever it refuses,
 * EventDto's own rules judge and explain.
 */
export function eventBodySchema(types: readonly string[]): object {
  const text = (max: number) => ({ type: 'string', maxLength: max });
  const requiredWith = (type: string, field: string) => ({ if: { properties: { type: { const: type } } }, then: { required: [field] } });
  return {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'version'],
    properties: {
      type: { enum: [...types] },
      lane: { type: 'string', maxLength: 64, pattern: '^[a-z][a-z0-9-]*$' },
      until: text(40),
      attachments: { type: 'array', maxItems: 10, items: text(64) },
      outcome: text(64),
      note: text(2000),
      reply: text(2000),
      version: { type: 'integer', minimum: 1 },
    },
    allOf: [requiredWith('CONSULT', 'lane'), requiredWith('SCHEDULE', 'until'), requiredWith('CHOOSE', 'outcome')],
  };
}

/**
 * What EventDto does beyond the schema: the reply trimmed, and the lengths at least 1 counted as
 * class-validator counts them (it discounts variation selectors); null when the DTO must judge.
 */
export function acceptEventBody(body: Record<string, unknown>): Record<string, unknown> | null {
  if (body.outcome !== undefined && !minLength(body.outcome, 1)) return null;
  if (typeof body.reply === 'string') {
    const reply = body.reply.trim();
    if (!minLength(reply, 1)) return null;
    body.reply = reply;
  }
  return body;
}
