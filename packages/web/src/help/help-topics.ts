import { BUSINESS_TOPICS, type BusinessTopicId } from './business-topics.js';
import { CHECKPOINT_TOPICS, type CheckpointTopicId } from './checkpoint-topics.js';
import type { HelpRole, HelpTopic } from './help-types.js';
import { WARD_TOPICS, type WardTopicId } from './ward-topics.js';

/** Every help page of the back office (the checkpoint app shows CHECKPOINT_TOPICS only). */
export type HelpTopicId = WardTopicId | BusinessTopicId | CheckpointTopicId;

export const HELP_TOPICS: readonly HelpTopic<HelpTopicId>[] = [
  ...WARD_TOPICS,
  ...BUSINESS_TOPICS,
  ...CHECKPOINT_TOPICS,
];

const BY_ID = new Map<string, HelpTopic<HelpTopicId>>(HELP_TOPICS.map((t) => [t.id, t]));

export function helpTopic(id: string): HelpTopic<HelpTopicId> | undefined {
  return BY_ID.get(id);
}

/** The order roles are listed in on the help index. */
export const HELP_ROLES: readonly HelpRole[] = [
  'ward_officer',
  'ward_leader',
  'health_officer',
  'ward_admin',
  'business_rep',
  'checkpoint_officer',
  'supervisor',
];

/** The pages written for a role, in reading order (its own topics first, then shared ones). */
export function topicsFor(role: HelpRole): HelpTopic<HelpTopicId>[] {
  const mine = HELP_TOPICS.filter((t) => t.roles.includes(role));
  const own = mine.filter((t) => !t.common && t.roles[0] === role);
  const shared = mine.filter((t) => !t.common && t.roles[0] !== role);
  return [...own, ...shared, ...mine.filter((t) => t.common)];
}
