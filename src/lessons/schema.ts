/**
 * The lesson format's schema (zod), and the messages a course author sees. Goal items and quiz items are told apart
 * by their keys before validation, so a mistake gets one precise message instead of a union's "invalid input".
 * The format is documented in `lessons/README.md`.
 */
import { z } from 'zod';
import type { Check } from '../grader/types.js';

const text = z.string().min(1);
const selector = z.record(z.string(), z.string());

export const courseSchema = z.strictObject({
  title: text,
  lessons: z.array(z.strictObject({ id: text, folder: text })).min(1),
});

const wrongSchema = z.strictObject({ script: text, contains: text.optional(), message: text.optional() });

export const taskSchema = z.strictObject({
  id: text,
  title: text,
  prose: text,
  hints: z.array(text).min(2).max(3),
  solution: text,
  alternatives: z.array(text).default([]),
  wrong: z.array(wrongSchema).default([]),
  goal: z.array(z.unknown()).min(1),
});

export const lessonSchema = z.strictObject({
  id: text,
  title: text,
  summary: text,
  setup: z
    .strictObject({
      nodes: z.number().int().min(1).max(5).optional(),
      networkPlugin: z.enum(['calico', 'cilium', 'kindnet', 'flannel', 'bridge']).optional(),
      addons: z.array(z.enum(['ingress'])).optional(),
      commands: z.array(text).default([]),
      allowed: z.array(text).optional(),
      disabled: z.array(text).optional(),
    })
    .default({ commands: [] }),
  tasks: z.array(z.unknown()).min(1),
  debrief: text,
  quiz: z.array(z.unknown()).default([]),
});

const namespace = z.string().min(1).optional();
const message = text.optional();

/** One schema per named check; the key of a goal item picks it. */
export const CHECK_SCHEMAS = {
  objectExists: z.strictObject({
    kind: text,
    name: text.optional(),
    selector: selector.optional(),
    namespace,
    where: z.record(z.string(), z.unknown()).optional(),
    exists: z.boolean().optional(),
  }),
  podsReady: z.strictObject({ selector, namespace, count: z.number().int().min(0).optional() }),
  serviceEndpoints: z.strictObject({ service: text, namespace, count: z.number().int().min(0).optional(), min: z.number().int().min(1).optional() }),
  dnsResolves: z.strictObject({ from: selector, namespace, name: text, expect: text.optional() }),
  connection: z.strictObject({
    from: z.union([z.strictObject({ pod: selector, namespace, container: text.optional() }), z.strictObject({ host: z.literal(true) }), z.strictObject({ node: text })]),
    to: z.union([
      z.strictObject({ url: text }),
      z.strictObject({ service: text, namespace, port: z.number().int().min(1).max(65535) }),
      z.strictObject({ pod: selector, namespace, port: z.number().int().min(1).max(65535) }),
    ]),
    expect: z.enum(['allowed', 'denied', 'refused', 'timeout']),
    body: text.optional(),
  }),
  ranInContainer: z.strictObject({ selector: selector.optional(), container: text.optional(), command: text, outputMatches: text.optional(), exitCode: z.number().int().optional() }),
  ranCommand: z.strictObject({ location: z.enum(['host', 'node', 'container']), command: text, outputMatches: text.optional(), exitCode: z.number().int().optional() }),
  fileContains: z.strictObject({
    location: z.union([z.literal('host'), z.strictObject({ node: text }), z.strictObject({ pod: selector, namespace, container: text.optional() })]),
    path: text,
    text,
  }),
} as const;

/** The names of the checks a goal may use, `cel` included. */
export const CHECK_NAMES = [...Object.keys(CHECK_SCHEMAS), 'cel'];

/** A problem inside one value: a path relative to it and a message. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** Turns zod issues into author-facing messages (`is required`, `unknown field "x"`, `must be one of …`). */
export function issuesOf(error: z.ZodError): Issue[] {
  const out: Issue[] = [];
  for (const i of error.issues) {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    switch (i.code) {
      case 'invalid_type':
        out.push({ path, message: /received undefined$/.test(i.message) ? 'is required' : `must be ${article(i.expected)}` });
        break;
      case 'unrecognized_keys':
        for (const k of i.keys) out.push({ path: [...path, k], message: `unknown field "${k}"` });
        break;
      case 'too_small':
        out.push({ path, message: i.origin === 'array' ? `needs at least ${String(i.minimum)} item${Number(i.minimum) === 1 ? '' : 's'}` : i.origin === 'string' ? 'must not be empty' : `must be at least ${String(i.minimum)}` });
        break;
      case 'too_big':
        out.push({ path, message: i.origin === 'array' ? `has more than ${String(i.maximum)} items` : `must be at most ${String(i.maximum)}` });
        break;
      case 'invalid_value':
        out.push({ path, message: `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}` });
        break;
      case 'invalid_union':
        out.push({ path, message: 'does not match any allowed form' });
        break;
      default:
        out.push({ path, message: i.message });
    }
  }
  return out;
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'object') return 'a mapping';
  if (expected === 'array') return 'a list';
  return `a ${expected}`;
}

/** Validates one goal item (`- podsReady: {…}` or `- cel: "…"` with `message:`) into a check. */
export function parseCheck(item: unknown): { check: Check } | { issues: Issue[] } {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return { issues: [{ path: [], message: `must be a mapping with one check (${CHECK_NAMES.join(', ')})` }] };
  const rec = item as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => k !== 'message');
  const name = keys.find((k) => CHECK_NAMES.includes(k));
  if (!name) {
    const k = keys[0];
    return { issues: [{ path: k ? [k] : [], message: k ? `unknown check "${k}" (known: ${CHECK_NAMES.join(', ')})` : `names no check (known: ${CHECK_NAMES.join(', ')})` }] };
  }
  const extra = keys.filter((k) => k !== name);
  if (extra.length) return { issues: extra.map((k) => ({ path: [k], message: `unknown field "${k}" beside check "${name}"` })) };
  if (rec.message !== undefined && (typeof rec.message !== 'string' || rec.message === '')) return { issues: [{ path: ['message'], message: 'must be a string' }] };
  const msg = rec.message as string | undefined;
  if (name === 'cel') {
    if (typeof rec.cel !== 'string' || rec.cel === '') return { issues: [{ path: ['cel'], message: 'must be a CEL expression (a string)' }] };
    if (!msg) return { issues: [{ path: ['message'], message: 'is required: a cel check needs the message the learner sees when it fails' }] };
    return { check: { type: 'cel', expr: rec.cel, message: msg } };
  }
  const body = name === 'connection' ? hostShorthand(rec[name]) : rec[name];
  const r = CHECK_SCHEMAS[name as keyof typeof CHECK_SCHEMAS].safeParse(body);
  if (!r.success) return { issues: issuesOf(r.error).map((i) => ({ path: [name, ...i.path], message: i.message })) };
  const check = { type: name, ...(r.data as object), ...(msg ? { message: msg } : {}) } as Check;
  return { check };
}

/** `from: host` is short for `from: {host: true}`. */
function hostShorthand(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || (v as Record<string, unknown>).from !== 'host') return v;
  return { ...(v as Record<string, unknown>), from: { host: true } };
}

const choiceSchema = z.strictObject({ question: text, choices: z.array(text).min(2), answer: z.number().int().min(0), explanation: text });
const shortSchema = z.strictObject({ question: text, accept: z.array(text).min(1), explanation: text });

/** Validates one quiz item: multiple choice when it has `choices`, short answer otherwise. */
export function parseQuizItem(item: unknown): { value: z.infer<typeof choiceSchema> | z.infer<typeof shortSchema>; type: 'choice' | 'short' } | { issues: Issue[] } {
  const isChoice = item !== null && typeof item === 'object' && 'choices' in item;
  const r = (isChoice ? choiceSchema : shortSchema).safeParse(item);
  if (!r.success) return { issues: issuesOf(r.error) };
  if (isChoice) {
    const v = r.data as z.infer<typeof choiceSchema>;
    if (v.answer >= v.choices.length) return { issues: [{ path: ['answer'], message: `must be the index of one of the ${v.choices.length} choices (0–${v.choices.length - 1})` }] };
  }
  return { value: r.data, type: isChoice ? 'choice' : 'short' };
}
