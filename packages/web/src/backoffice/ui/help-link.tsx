import { useTranslation } from 'react-i18next';
import { type HelpTopicId, helpTopic } from '../../help/help-topics.js';
import { Link } from '../lib/router.js';

/** The address of a help page, or of a part of it (`section`: a sub-heading's id). */
export const helpPath = (topic: HelpTopicId, section?: string) =>
  `/help/${topic}${section ? `#${topic}-${section}` : ''}`;

/** The "?" beside a screen's title or a panel's heading: opens the help page about it. */
export function HelpLink({ topic, section }: { topic: HelpTopicId; section?: string }) {
  const { t } = useTranslation();
  const label = t('help.context', { title: helpTopic(topic)?.title ?? '' });
  return (
    <Link to={helpPath(topic, section)} className="help-link" aria-label={label} title={label}>
      <span aria-hidden="true">?</span>
    </Link>
  );
}
