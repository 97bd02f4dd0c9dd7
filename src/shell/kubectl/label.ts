/**
 * `kubectl label TYPE NAME k=v [k2-] [--overwrite] [-l SEL | --all] [--list]`: prints `pod/x labeled`,
 * `pod/x not labeled` or `pod/x unlabeled`; changing an existing value needs `--overwrite`
 * (`error: 'app' already has a value (web), and --overwrite is false`).
 */
import { editMetadata } from './generators/metadata-edit.js';
import type { Verb } from './index.js';

export const label: Verb = (ctx, args) => editMetadata(ctx, args, 'labels');
