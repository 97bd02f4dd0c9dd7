/**
 * `kubectl annotate TYPE NAME k=v [k2-] [--overwrite] [-l SEL | --all] [--list]`: prints `pod/x annotated`; changing
 * an existing value needs `--overwrite`. Annotating a Deployment with `kubernetes.io/change-cause` fills the
 * CHANGE-CAUSE column of `kubectl rollout history`.
 */
import { editMetadata } from './generators/metadata-edit.js';
import type { Verb } from './index.js';

export const annotate: Verb = (ctx, args) => editMetadata(ctx, args, 'annotations');
