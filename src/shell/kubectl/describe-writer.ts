/**
 * kubectl describe's output machinery (`pkg/describe/describe.go`): a prefix writer indenting two spaces per level,
 * rendered through tabwriter with padding 2, and the shared sections (Labels, Annotations, Events).
 */
import type { Cluster, KubeEvent, KubeObject } from '../../sim/index.js';
import { humanDuration, tabwrite } from './table.js';

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Accumulates `describe` text; `done()` aligns it as tabwriter(0, 8, 2, ' ', 0) does. */
export class DescribeWriter {
  private buf = '';
  constructor(readonly now: number) {}

  /** `Write(level, text)`: the text indented by two spaces per level. */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }

  /** The aligned text. Events are flushed separately, as `DescribeEvents` calls `w.Flush()` first. */
  done(): string {
    return this.buf
      .split('\u0000')
      .map((part) => tabwrite(part, 2))
      .join('');
  }

  /** A tabwriter flush point: columns before and after are aligned independently. */
  flush(): void {
    this.buf += '\u0000';
  }

  /** `printLabelsMultiline`. */
  labels(title: string, labels: Record<string, string> | undefined, initialIndent = ''): void {
    this.write(0, `${initialIndent}${title}:\t`);
    const keys = Object.keys(labels ?? {}).sort();
    if (keys.length === 0) {
      this.write(0, '<none>\n');
      return;
    }
    keys.forEach((k, i) => {
      if (i > 0) this.write(0, `${initialIndent}\t`);
      this.write(0, `${k}=${labels![k]}\n`);
    });
  }

  /** `printAnnotationsMultiline`. */
  annotations(title: string, annotations: Record<string, string> | undefined): void {
    this.write(0, `${title}:\t`);
    const keys = Object.keys(annotations ?? {})
      .filter((k) => !SKIP_ANNOTATIONS.has(k))
      .sort();
    if (keys.length === 0) {
      this.write(0, '<none>\n');
      return;
    }
    keys.forEach((k, i) => {
      if (i > 0) this.write(0, '\t');
      const value = annotations![k]!.replace(/\n$/, '');
      if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
        this.write(0, `${k}:\n`);
        for (const s of value.split('\n')) this.write(0, `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`);
      } else this.write(0, `${k}: ${value}\n`);
    });
  }

  /** `DescribeEvents`: the Events table (or `Events: <none>`). */
  events(events: KubeEvent[]): void {
    if (events.length === 0) {
      this.write(0, 'Events:\t<none>\n');
      return;
    }
    this.flush();
    const sorted = [...events].sort((a, b) => (a.lastTimestamp < b.lastTimestamp ? -1 : a.lastTimestamp > b.lastTimestamp ? 1 : 0));
    this.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
    this.write(1, '----\t------\t----\t----\t-------\n');
    for (const e of sorted) {
      const first = this.since(e.firstTimestamp);
      const interval = e.count > 1 ? `${this.since(e.lastTimestamp)} (x${e.count} over ${first})` : first;
      this.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source.component}\t${e.message.trim()}\n`);
    }
  }

  /** `translateTimestampSince`. */
  since(iso: string | undefined): string {
    if (!iso) return '<unknown>';
    return humanDuration(this.now - Date.parse(iso));
  }
}

/** Events about an object, for the Events section. */
export function eventsOf(c: Cluster, o: KubeObject): KubeEvent[] {
  return c.eventsFor(o);
}
