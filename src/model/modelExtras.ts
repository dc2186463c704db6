import type { ExcitationStats, ModelCard } from '../types/card';
import type { FileReader } from './weights';
import { seBlocks } from '../compute/cardFacts';

/** Files the export may write beside the model that the app uses when present (never required). */
export function optionalFiles(card: ModelCard): string[] {
  const f = card.files;
  return [f.excitationStats, f.trainingLog, f.baselineLog].filter((n): n is string => typeof n === 'string');
}

/** Why an exported statistics file does not describe this model's network, or null if it does. */
export function statsProblem(stats: unknown, card: ModelCard): string | null {
  const s = stats as Partial<ExcitationStats> | null;
  const keys = card.classes.map((c) => c.key);
  const se = seBlocks(card);
  if (!s || !Array.isArray(s.classes) || s.classes.join('\n') !== keys.join('\n')) return 'its classes differ from card.json';
  if (!Array.isArray(s.blocks) || s.blocks.length !== se.length) return `it has statistics for ${s.blocks?.length ?? 0} blocks, the network has ${se.length} SE blocks`;
  const fits = (m: unknown, c: number) => Array.isArray(m) && m.length === keys.length && m.every((row) => Array.isArray(row) && row.length === c);
  const bad = s.blocks.findIndex((b, i) => !b || b.channels !== se[i]!.channels || !fits(b.mean, b.channels) || !fits(b.std, b.channels));
  return bad < 0 ? null : `its block ${bad} does not match the network's channels`;
}

/**
 * The per-class excitation statistics of a model, if it has them: null when the card names
 * none, the file is absent or unreadable, or it does not describe this network (`problem` says
 * which, for a note in the UI; the model works without them).
 */
export async function readExcitationStats(
  reader: FileReader,
  card: ModelCard,
): Promise<{ stats: ExcitationStats | null; problem: string | null }> {
  const file = card.files.excitationStats;
  if (!file) return { stats: null, problem: null };
  let raw: unknown;
  try {
    raw = await reader.json(file);
  } catch (e) {
    return { stats: null, problem: (e as Error).message };
  }
  const why = statsProblem(raw, card);
  return why ? { stats: null, problem: `${file}: ${why}` } : { stats: raw as ExcitationStats, problem: null };
}
