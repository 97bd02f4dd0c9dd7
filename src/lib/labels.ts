/** Label maps and selectors as Kubernetes defines them (apimachinery `labels` and `metav1.LabelSelector`). */
export type Labels = Record<string, string>;

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

/** True when `labels` satisfy every term of a `LabelSelector`. An empty selector matches everything. */
export function matchesSelector(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return true;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key);
    const vals = req.values ?? [];
    switch (req.operator) {
      case 'In':
        if (!has || !vals.includes(l[req.key]!)) return false;
        break;
      case 'NotIn':
        if (has && vals.includes(l[req.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True when every key=value of a plain map selector (a Service's `spec.selector`) is in `labels`. */
export function matchesMap(selector: Labels | undefined, labels: Labels | undefined): boolean {
  return matchesSelector({ matchLabels: selector ?? {} }, labels);
}

/** `k=v,k2=v2`, sorted by key, as kubectl prints selectors and label lists. */
export function formatLabels(labels: Labels | undefined, empty = '<none>'): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : empty;
}
