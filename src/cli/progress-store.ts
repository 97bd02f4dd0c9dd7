/**
 * Progress saved through `conf` (atomic writes) in the user's config directory, or `KUBE_NET_TUTOR_CONFIG_DIR`.
 * Reading needs only the file system, so the first frame does not wait for `conf` (and its JSON-schema validator):
 * `conf` loads in the background and the first save waits for it (`flush()` before exit). Whatever is on disk is
 * checked field by field; an unparseable file is set aside as `config.json.bak` and the learner starts fresh, never
 * with a crash and never with a half-written file.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { emptyProgress, normalizeProgress, type ProgressData, type ProgressStore } from '../progress/index.js';

/**
 * The config directory: `$KUBE_NET_TUTOR_CONFIG_DIR` when set (tests, workshops), otherwise the platform's user
 * config directory (`$XDG_CONFIG_HOME` or `~/.config` on Linux, `~/Library/Preferences` on macOS, `%APPDATA%`).
 */
export function configDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.KUBE_NET_TUTOR_CONFIG_DIR) return env.KUBE_NET_TUTOR_CONFIG_DIR;
  const home = homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'kube-net-tutor');
  if (platform === 'darwin') return join(home, 'Library', 'Preferences', 'kube-net-tutor');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'kube-net-tutor');
}

/** A ProgressStore on disk, with `flush()` to wait for pending writes. */
export interface DiskProgressStore extends ProgressStore {
  readonly path: string;
  flush(): Promise<void>;
}

export function confProgressStore(): DiskProgressStore {
  const cwd = configDir();
  const path = join(cwd, 'config.json');
  let pending: ProgressData | undefined;
  let writing: Promise<void> = Promise.resolve();
  let conf: Promise<{ store: Record<string, unknown> }> | undefined;
  const openConf = () => (conf ??= import('conf').then(({ default: Conf }) => new Conf<Record<string, unknown>>({ projectName: 'kube-net-tutor', cwd })));
  return {
    path,
    load() {
      if (pending) return pending;
      if (!existsSync(path)) return emptyProgress();
      try {
        return normalizeProgress(JSON.parse(readFileSync(path, 'utf8')));
      } catch {
        // Unparseable: keep the learner's file aside rather than destroying it, then start fresh.
        try {
          renameSync(path, path + '.bak');
        } catch {
          /* unreadable and unmovable: still start fresh */
        }
        return emptyProgress();
      }
    },
    save(data) {
      pending = normalizeProgress(data);
      writing = writing.then(async () => {
        const c = await openConf();
        if (pending) c.store = pending as unknown as Record<string, unknown>;
      });
    },
    flush: () => writing,
  };
}
