/**
 * Strict decoding, as the apiserver decodes a request body with `fieldValidation=Strict` (the default since
 * Kubernetes 1.27): the JSON is unmarshalled into the kind's Go struct by `sigs.k8s.io/json` (a fork of Go's
 * `encoding/json`), so a value of the wrong type fails with Go's `UnmarshalTypeError` text
 * (`json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32`)
 * and, if the types are fine, every unknown field is listed
 * (`strict decoding error: unknown field "spec.containers[0].volumeMount", unknown field "spec.foo"`).
 * The apiserver wraps either as `Pod in version "v1" cannot be handled as a Pod: <error>`.
 *
 * Each kind's fields are a compact tree of Go types (`schema-*.ts`). kubectl sends JSON produced by
 * `sigs.k8s.io/yaml`, whose object keys are sorted, so fields are visited in sorted key order.
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
 */

/** A Go type as the decoder sees it. `go` is the type as `reflect.Type.String()` prints it (`v1.Container`). */
export type Schema =
  | { t: 'string' | 'bool' | 'int32' | 'int64' | 'float64' | 'intstr' | 'quantity' | 'time' | 'bytes' | 'any' }
  | { t: 'struct'; go: string; fields: Record<string, Schema> }
  | { t: 'list'; of: Schema }
  | { t: 'map'; of: Schema };

export const str: Schema = { t: 'string' };
export const bool: Schema = { t: 'bool' };
export const i32: Schema = { t: 'int32' };
export const i64: Schema = { t: 'int64' };
export const f64: Schema = { t: 'float64' };
/** `intstr.IntOrString` (`targetPort`, probe ports, `maxSurge`). */
export const intstr: Schema = { t: 'intstr' };
/** `resource.Quantity` (`cpu: 500m`, `memory: 1Gi`). */
export const quantity: Schema = { t: 'quantity' };
/** `metav1.Time` (RFC 3339 string). */
export const time: Schema = { t: 'time' };
/** `[]byte`: a base64 string in JSON (Secret `data`). */
export const bytes: Schema = { t: 'bytes' };
/** Anything (`status`, free-form fields the simulator does not model). */
export const any: Schema = { t: 'any' };
export const strs: Schema = { t: 'list', of: str };
export const strMap: Schema = { t: 'map', of: str };

/** A Go struct: `go` is its qualified name (`v1.PodSpec`). */
export function struct(go: string, fields: Record<string, Schema>): Schema {
  return { t: 'struct', go, fields };
}
export function list(of: Schema): Schema {
  return { t: 'list', of };
}
export function map(of: Schema): Schema {
  return { t: 'map', of };
}

/** `reflect.Type.String()` of a schema node. */
export function goType(s: Schema): string {
  switch (s.t) {
    case 'struct':
      return s.go;
    case 'list':
      return `[]${goType(s.of)}`;
    case 'map':
      return `map[string]${goType(s.of)}`;
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'bytes':
      return '[]uint8';
    case 'any':
      return 'interface {}';
    default:
      return s.t;
  }
}

const QUANTITY_FORMAT = `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`;
const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** The error `resource.ParseQuantity` gives for a string, or undefined when it parses. */
export function quantityError(s: string): string | undefined {
  const m = QUANTITY_RE.exec(s.trim());
  if (!m || s.trim() === '') return QUANTITY_FORMAT;
  const num = m[1]!;
  if ((num.match(/\./g) ?? []).length > 1 || !/[0-9]/.test(num)) return QUANTITY_FORMAT;
  const suffix = m[2]!;
  if (QUANTITY_SUFFIXES.has(suffix) || /^[eE][-+]?[0-9]+$/.test(suffix)) return undefined;
  return "unable to parse quantity's suffix";
}

const B64 = /^[A-Za-z0-9+/]*$/;

/** Go's `base64.StdEncoding` error for a string, or undefined when it decodes. */
function base64Error(s: string): string | undefined {
  const body = s.replace(/={1,2}$/, '');
  for (let i = 0; i < body.length; i++) if (!B64.test(body[i]!)) return `illegal base64 data at input byte ${i}`;
  if (s.length % 4 !== 0) return `illegal base64 data at input byte ${s.length - (s.length % 4)}`;
  return undefined;
}

/** What Go's decoder calls a JSON value in `cannot unmarshal <what>`. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  return 'string';
}

/** Go's JSON text for a number (what `number 1.5` quotes). */
function numberText(n: number): string {
  return String(n);
}

interface Ctx {
  /** Struct field names from the root (`errorContext.FieldStack`). */
  fields: string[];
  /** Innermost struct's name (`errorContext.Struct`). */
  struct: string;
  /** Strict path with indices (`spec.containers[0]`). */
  path: string;
}

class Decoder {
  typeError: string | undefined;
  fatal: string | undefined;
  strict: string[] = [];

  private typeErr(value: string, type: string, ctx: Ctx): void {
    if (this.typeError !== undefined) return;
    this.typeError = ctx.fields.length
      ? `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type ${type}`
      : `json: cannot unmarshal ${value} into Go value of type ${type}`;
  }

  private plainErr(message: string): void {
    if (this.typeError === undefined) this.typeError = message;
  }

  private int(v: number, bits: 32 | 64): boolean {
    if (!Number.isInteger(v)) return false;
    return bits === 32 ? v >= -2147483648 && v <= 2147483647 : Number.isSafeInteger(v) || Math.abs(v) < 2 ** 63;
  }

  /** Visits one value; returns false when decoding must stop (an error returned by a custom unmarshaller). */
  visit(v: unknown, s: Schema, ctx: Ctx): boolean {
    if (v === null || v === undefined || s.t === 'any') return true;
    switch (s.t) {
      case 'string':
      case 'time':
        if (typeof v !== 'string') this.typeErr(jsonKind(v), s.t === 'time' ? 'v1.Time' : 'string', ctx);
        return true;
      case 'bool':
        if (typeof v !== 'boolean') this.typeErr(jsonKind(v), 'bool', ctx);
        return true;
      case 'int32':
      case 'int64':
      case 'float64':
        if (typeof v === 'number') {
          if (s.t !== 'float64' && !this.int(v, s.t === 'int32' ? 32 : 64)) this.typeErr(`number ${numberText(v)}`, s.t, ctx);
        } else this.typeErr(jsonKind(v), s.t, ctx);
        return true;
      case 'intstr':
        if (typeof v === 'string') return true;
        if (typeof v === 'number' && this.int(v, 32)) return true;
        this.fatal = ctx.fields.length
          ? `json: cannot unmarshal ${typeof v === 'number' ? `number ${numberText(v)}` : jsonKind(v)} into Go struct field ${ctx.struct}.${ctx.fields.join('.')} of type int32`
          : `json: cannot unmarshal ${jsonKind(v)} into Go value of type int32`;
        return false;
      case 'quantity': {
        const err = typeof v === 'number' ? quantityError(numberText(v)) : typeof v === 'string' ? quantityError(v) : QUANTITY_FORMAT;
        if (err) {
          this.fatal = err;
          return false;
        }
        return true;
      }
      case 'bytes':
        if (typeof v !== 'string') this.typeErr(jsonKind(v), '[]uint8', ctx);
        else {
          const err = base64Error(v);
          if (err) this.plainErr(err);
        }
        return true;
      case 'list':
        if (!Array.isArray(v)) {
          this.typeErr(jsonKind(v), goType(s), ctx);
          return true;
        }
        for (let i = 0; i < v.length; i++) if (!this.visit(v[i], s.of, { ...ctx, path: `${ctx.path}[${i}]` })) return false;
        return true;
      case 'map':
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.typeErr(jsonKind(v), goType(s), ctx);
          return true;
        }
        for (const k of Object.keys(v).sort()) {
          if (!this.visit((v as Record<string, unknown>)[k], s.of, { ...ctx, path: ctx.path ? `${ctx.path}.${k}` : k })) return false;
        }
        return true;
      case 'struct': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.typeErr(jsonKind(v), s.go, ctx);
          return true;
        }
        const name = s.go.slice(s.go.indexOf('.') + 1);
        for (const k of Object.keys(v).sort()) {
          const path = ctx.path ? `${ctx.path}.${k}` : k;
          const f = Object.prototype.hasOwnProperty.call(s.fields, k) ? s.fields[k] : undefined;
          if (!f) {
            if (this.strict.length < 100) this.strict.push(`unknown field ${JSON.stringify(path)}`);
            continue;
          }
          if (!this.visit((v as Record<string, unknown>)[k], f, { fields: [...ctx.fields, k], struct: name, path })) return false;
        }
        return true;
      }
    }
  }
}

/**
 * Decodes `obj` against a kind's schema as the apiserver's strict decoder does. Returns the error text (without the
 * `Pod in version "v1" cannot be handled as a Pod: ` prefix), or undefined when the object decodes cleanly.
 */
export function strictDecode(obj: unknown, schema: Schema): string | undefined {
  const d = new Decoder();
  d.visit(obj, schema, { fields: [], struct: '', path: '' });
  if (d.fatal !== undefined) return d.fatal;
  if (d.typeError !== undefined) return d.typeError;
  if (d.strict.length) return `strict decoding error: ${d.strict.join(', ')}`;
  return undefined;
}
