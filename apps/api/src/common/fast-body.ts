import Ajv, { type ValidateFunction } from 'ajv';

/**
 * A JSON Schema check of a hot route's body, compiled once at start with ajv, in front of the DTO's
 * class-validator rules (docs/adr/0020-batched-deadline-sweep.md, "the event path").
 *
 * The schema only ever accepts what the DTO accepts (it may refuse more): a body it accepts, once
 * `accept` agreed, is the DTO without class-transformer and class-validator; any other body goes
 * to the DTO's own validation, which answers with its usual field-by-field errors. So the answers
 * to bad input are exactly those of the DTO, and a good body costs one compiled function.
 */
export interface FastBody {
  validate: ValidateFunction;
  /** After the schema: the DTO's transforms and the checks a schema cannot say the way the DTO does; null sends the body to the DTO. */
  accept: (body: Record<string, unknown>) => Record<string, unknown> | null;
}

// strict, but for `required` inside if/then (a field the parent schema defines)
const ajv = new Ajv({ allErrors: false, strict: true, strictRequired: false });

/** The fast checks of DTO classes, by class. */
const FAST_BODIES = new Map<unknown, FastBody>();

/** Gives a DTO class a compiled body schema (class decorator). */
export function FastBodySchema(schema: object, accept: FastBody['accept'] = (b) => b): ClassDecorator {
  const fast: FastBody = { validate: ajv.compile(schema), accept };
  return (target) => {
    FAST_BODIES.set(target, fast);
  };
}

/** The DTO instance of a body the compiled schema accepts, or null when the DTO's own validation must decide. */
export function fastBody(metatype: unknown, value: unknown): object | null {
  const fast = FAST_BODIES.get(metatype);
  if (!fast || !fast.validate(value)) return null;
  const accepted = fast.accept({ ...(value as Record<string, unknown>) });
  if (!accepted) return null;
  return Object.assign(new (metatype as new () => object)(), accepted);
}
