/**
 * Progress saved through `conf` (atomic writes to the user's config directory, or `KUBE_NET_TUTOR_CONFIG_DIR`).
 * Whatever is on disk is checked field by field: an unreadable or foreign file is set aside as `config.json.bak`
 * and the learner starts fresh, never with a crash and never with a half-written file.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { normalizeProgress, type ProgressStore } from '../progress/index.js';

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

function openConf(): Conf<Record<string, unknown>> {
  const cwd = configDir();
  const file = join(cwd, 'config.json');
  if (existsSync(file)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // Unparseable: keep the learner's file aside rather than destroying it, then start fresh.
      renameSync(file, file + '.bak');
    }
  }
  return new Conf<Record<string, unknown>>({ projectName: 'kube-net-tutor', cwd });
}

/** A ProgressStore on disk. */
export function confProgressStore(): ProgressStore & { path: string } {
  const conf = openConf();
  return {
    path: conf.path,
    load: () => normalizeProgress(conf.store),
    save: (data) => {
      conf.store = normalizeProgress(data) as unknown as Record<string, unknown>;
    },
  };
}
