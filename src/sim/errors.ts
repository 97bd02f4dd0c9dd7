/**
 * Errors the simulated apiserver returns. Each carries a stable `code` (the apiserver's `StatusReason`) and the
 * structured data kubectl needs to print its exact wording: see
 * https://github.com/kubernetes/apimachinery/blob/master/pkg/api/errors/errors.go
 */
export type SimErrorCode = 'NotFound' | 'AlreadyExists' | 'Invalid' | 'Forbidden' | 'BadRequest' | 'Conflict';

/** One field error: `spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range…`. */
export interface FieldError {
  path: string;
  type: 'Required value' | 'Invalid value' | 'Duplicate value' | 'Unsupported value' | 'Forbidden' | 'Too long' | 'Not found';
  /** Already formatted as the apiserver prints it (strings quoted, numbers bare); omitted when the type has no value. */
  value?: string;
  detail?: string;
}

/** Formats a field error exactly as the apiserver does. */
export function formatFieldError(e: FieldError): string {
  let s = `${e.path}: ${e.type}`;
  if (e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export interface SimErrorData {
  /** Qualified resource (`pods`, `deployments.apps`), for NotFound / AlreadyExists. */
  resource?: string;
  /** Kind (`Service`), for Invalid. */
  kind?: string;
  name?: string;
  causes?: FieldError[];
}

/** An apiserver error. `message` is the text after `Error from server (Code): `. */
export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly data: SimErrorData;
  constructor(code: SimErrorCode, message: string, data: SimErrorData = {}) {
    super(message);
    this.name = 'SimError';
    this.code = code;
    this.data = data;
  }

  static notFound(resource: string, name: string): SimError {
    return new SimError('NotFound', `${resource} "${name}" not found`, { resource, name });
  }

  static alreadyExists(resource: string, name: string): SimError {
    return new SimError('AlreadyExists', `${resource} "${name}" already exists`, { resource, name });
  }

  /** `The Service "x" is invalid: <error>` or, with several causes, that line then `* <error>` per cause. */
  static invalid(kind: string, name: string, causes: FieldError[]): SimError {
    const lines = causes.map(formatFieldError);
    const message =
      lines.length === 1
        ? `${kind} "${name}" is invalid: ${lines[0]}`
        : `${kind} "${name}" is invalid: [${lines.join(', ')}]`;
    return new SimError('Invalid', message, { kind, name, causes });
  }

  static badRequest(message: string): SimError {
    return new SimError('BadRequest', message);
  }
}
