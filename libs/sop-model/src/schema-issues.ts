import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import { sopSchema } from './generated/sop-schema';
import { closestName, didYouMean, listNames } from './did-you-mean';
import { suggestRole } from './known-roles';
import type { UnlocatedIssue } from './sop-issue';

// verbose: errors carry their parentSchema, which names the properties allowed next to an unknown one.
let compiled: ValidateFunction | undefined;

/** The schema's validator, compiled on first use: a page that only draws an SOP never pays for it. */
function schemaValidator(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: false, useDefaults: false, verbose: true }).compile(sopSchema as object);
  return compiled;
}

interface SchemaNode {
  $ref?: string;
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  required?: readonly string[];
  properties?: Record<string, SchemaNode>;
  propertyNames?: SchemaNode;
  if?: SchemaNode;
  then?: SchemaNode;
}

const DEFS: Record<string, SchemaNode> = sopSchema.$defs;

/** Follows a local `#/$defs/…` reference of the SOP schema. */
function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let i = 0; current?.$ref?.startsWith('#/$defs/') && i < 10; i++) {
    current = DEFS[current.$ref.slice('#/$defs/'.length)];
  }
  return current;
}

function allowsNull(node: SchemaNode | undefined): boolean {
  const type = resolve(node)?.type;
  return Array.isArray(type) ? type.includes('null') : type === 'null';
}

const PATTERN_HINTS: Record<string, string> = {
  '^[a-z][a-z0-9-]*$': 'use lower-case letters, digits and dashes, starting with a letter (e.g. "kasi-periksa")',
  '^\\d{2}\\.\\d{2}$': 'write the Kemendagri regency code as NN.NN (e.g. "18.72")',
  '^\\d{4}-\\d{2}-\\d{2}$': 'write the date as YYYY-MM-DD (e.g. "2026-03-19")',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'write the time as HH:MM on a 24-hour clock (e.g. "07:30")',
  '^([01]\\d|2[0-4]):[0-5]\\d$': 'write the time as HH:MM on a 24-hour clock (e.g. "16:00")',
};

/** The name of each definition of the schema, by the definition itself (ajv's `parentSchema` is the schema's own object). */
const DEF_NAMES = new Map<unknown, string>(Object.entries(DEFS).map(([name, node]) => [node, name]));

/** The definition that holds a `then`, by the `then` (whose errors' schema paths are relative and say nothing). */
const THEN_OWNERS = new Map<unknown, SchemaNode>(Object.values(DEFS).flatMap((node) => (node.then ? [[node.then, node] as const] : [])));

/**
 * Enums whose refusal says more than the list of values, by definition name: a stable code, how to
 * name the value, a better suggestion than an edit distance, and what to write when none fits.
 */
const ENUM_ADVICE: Partial<Record<string, { code: string; subject: (value: string) => string; suggest: (value: string) => string; otherwise: string }>> = {
  LaneRole: {
    code: 'unknown-role',
    subject: (value) => `role "${value}" is not a common national role`,
    suggest: suggestRole,
    otherwise: `; or, when none fits, write role: other and roleDescription: the SOP's own words for this role`,
  },
};

/** What a property required under a condition is for, by the name of the definition that requires it; given the object that lacks it. */
const REQUIRED_ADVICE: Partial<Record<string, (owner: Record<string, unknown>) => string>> = {
  Lane: (lane) => `what this lane does, in the SOP's own words${typeof lane.name === 'string' ? `, e.g. its header "${lane.name}"` : ''}`,
};

/**
 * A requirement that holds only under a condition (`if` / `then`): the condition's property and
 * value, e.g. `role` and `"other"`, when the `if` is one `const`.
 */
function conditionOf(owner: SchemaNode): { property: string; value: unknown } | undefined {
  const entries = Object.entries(owner.if?.properties ?? {}).filter(([, p]) => p.const !== undefined);
  return entries.length === 1 ? { property: entries[0][0], value: entries[0][1].const } : undefined;
}

/** What to write instead of a value of the wrong type. */
function typeHint(expected: string[], value: unknown): string {
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    return `: put it in quotes, "${String(value)}"`;
  }
  if (expected.includes('array') && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return ': write each item on its own line, starting with "- "';
  }
  if (expected.includes('object') && !expected.includes('null') && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    return ': write its properties as "name: value" lines, indented below it';
  }
  return '';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value} ${JSON.stringify(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping',
  null: 'null (blank in the source)',
  boolean: 'true or false',
  number: 'a number',
  integer: 'a whole number',
};

function valueAt(root: unknown, instancePath: string): unknown {
  let node: unknown = root;
  for (const segment of instancePath.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

/** Parameters with the closest allowed name, when one is close to what was written. */
function withSuggestion(params: Record<string, string>, written: string, allowed: readonly string[]): Record<string, string> {
  const suggestion = closestName(written, allowed);
  return suggestion !== undefined ? { ...params, suggestion } : params;
}

function toIssue(error: ErrorObject, root: unknown): UnlocatedIssue | null {
  const at = error.instancePath;
  const value = valueAt(root, at);
  const base = { severity: 'error' as const, code: `schema.${error.keyword}`, pointer: at };
  switch (error.keyword) {
    case 'required': {
      const property = (error.params as { missingProperty: string }).missingProperty;
      const owner = THEN_OWNERS.get(error.parentSchema);
      const condition = owner ? conditionOf(owner) : undefined;
      if (owner && condition) {
        const advise = REQUIRED_ADVICE[DEF_NAMES.get(owner) ?? ''];
        const advice = advise && value !== null && typeof value === 'object' ? advise(value as Record<string, unknown>) : undefined;
        // located at the value that makes it required, which the author just wrote
        return {
          ...base,
          pointer: `${at}/${condition.property}`,
          message: `${condition.property}: ${JSON.stringify(condition.value)} needs "${property}": add "${property}: …" next to it${advice ? ` (${advice})` : ''}`,
          params: { property, condition: `${condition.property}: ${JSON.stringify(condition.value)}` },
        };
      }
      const schema = resolve((error.parentSchema as SchemaNode | undefined)?.properties?.[property]);
      const hint = schema?.enum
        ? ` (one of: ${listNames(schema.enum.map(String), 20)})`
        : allowsNull(schema)
          ? ' (write null if the source leaves it blank)'
          : '';
      const params = { property, ...(schema?.enum ? { allowed: listNames(schema.enum.map(String), 20) } : allowsNull(schema) ? { nullable: 1 } : {}) };
      return { ...base, pointer: `${at}/${property}`, message: `missing required property "${property}": add "${property}: …" here${hint}`, params };
    }
    case 'additionalProperties': {
      const property = (error.params as { additionalProperty: string }).additionalProperty;
      const parent = error.parentSchema as SchemaNode | undefined;
      if (parent?.propertyNames) return null; // the propertyNames issue says what the name should be
      const allowed = Object.keys(parent?.properties ?? {});
      return {
        ...base,
        pointer: `${at}/${property}`,
        message: `unknown property "${property}"${didYouMean(property, allowed)}; allowed here: ${listNames(allowed, 20)}`,
        params: withSuggestion({ property, allowed: listNames(allowed, 20) }, property, allowed),
      };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const advice = ENUM_ADVICE[DEF_NAMES.get(error.parentSchema) ?? ''];
      if (advice && typeof value === 'string') {
        return {
          ...base,
          code: advice.code,
          message: `${advice.subject(value)}${advice.suggest(value)}; write one of: ${listNames(allowed, 20)}${advice.otherwise}`,
          params: { value, allowed: listNames(allowed, 20) },
        };
      }
      return {
        ...base,
        message: `${describe(value)} is not allowed here${typeof value === 'string' ? didYouMean(value, allowed) : ''}; write one of: ${listNames(allowed, 20)}`,
        params: typeof value === 'string' ? withSuggestion({ value, allowed: listNames(allowed, 20) }, value, allowed) : { allowed: listNames(allowed, 20) },
      };
    }
    case 'const': {
      const expected = JSON.stringify((error.params as { allowedValue: unknown }).allowedValue);
      return { ...base, message: `must be ${expected}, found ${describe(value)}`, params: { expected, found: JSON.stringify(value) } };
    }
    case 'type': {
      const types = String((error.params as { type: string | string[] }).type).split(',');
      const quote: Record<string, string> = typeof value === 'number' || typeof value === 'boolean' ? { quote: String(value) } : {};
      return {
        ...base,
        message: `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}, found ${describe(value)}${typeHint(types, value)}`,
        params: {
          expected: types.join(','),
          found: Array.isArray(value) ? '[…]' : typeof value === 'object' && value !== null ? '{…}' : String(value),
          ...quote,
        },
      };
    }
    case 'pattern': {
      const pattern = (error.params as { pattern: string }).pattern;
      return {
        ...base,
        message: `${describe(value)} is not valid here: ${PATTERN_HINTS[pattern] ?? `it must match ${pattern}`}`,
        params: typeof value === 'string' ? { value, pattern } : { pattern },
      };
    }
    case 'minItems': {
      const limit = (error.params as { limit: number }).limit;
      const found = Array.isArray(value) ? value.length : 0;
      return { ...base, message: `needs at least ${limit} item${limit === 1 ? '' : 's'}, found ${found}: add ${limit - found} more`, params: { limit, found } };
    }
    case 'minLength':
      return {
        ...base,
        message: `must not be empty: write the text as in the source${allowsNull(error.parentSchema as SchemaNode) ? ', or null if the source leaves it blank' : ''}`,
      };
    case 'maxLength': {
      const limit = (error.params as { limit: number }).limit;
      return { ...base, message: `is too long: at most ${limit} characters`, params: { limit } };
    }
    case 'propertyNames': {
      const name = (error.params as { propertyName: string }).propertyName;
      return { ...base, pointer: `${at}/${name}`, message: `"${name}" is not a weekday: use mon, tue, wed, thu, fri, sat or sun`, params: { property: name } };
    }
    case 'maximum':
    case 'exclusiveMaximum':
    case 'minimum':
    case 'exclusiveMinimum': {
      const limit = (error.params as { limit: number }).limit;
      const words = { maximum: 'at most', exclusiveMaximum: 'less than', minimum: 'at least', exclusiveMinimum: 'more than' }[error.keyword];
      const what = error.keyword.toLowerCase().endsWith('maximum') ? 'too large' : 'too small';
      return {
        ...base,
        message: `${describe(value)} is ${what}: write a number ${words} ${limit}`,
        params: { found: JSON.stringify(value), limit, bound: error.keyword },
      };
    }
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return null; // their branches report the concrete problem
    default:
      return { ...base, message: error.message ?? 'is not valid here', ...(error.message ? { params: { detail: error.message } } : {}) };
  }
}

/**
 * Checks a parsed document against schemas/sop.schema.json and explains each violation.
 *
 * @example
 * checkSchema({ schemaVersion: 1 }) // [{ code: 'schema.required', pointer: '/identity', … }, …]
 */
export function checkSchema(document: unknown): UnlocatedIssue[] {
  const validate = schemaValidator();
  if (validate(document)) return [];
  const issues: UnlocatedIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    // propertyNames also reports the nested pattern/enum failure of the same name
    if (error.propertyName !== undefined) continue;
    const issue = toIssue(error, document);
    if (!issue) continue;
    const key = `${issue.pointer}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}
