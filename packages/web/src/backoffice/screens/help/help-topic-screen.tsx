import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { helpTopic } from '../../../help/help-topics.js';
import { HelpBlocks } from '../../../help/help-view.js';
import { Link, useLocation } from '../../lib/router.js';
import { Page } from '../../ui/page.js';
import { HelpFrame } from './help-frame.js';
import { useHelpLinks } from './help-links.js';

/** One help page; a `#part` in the address (a context link) scrolls to that part. */
export function HelpTopicScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const links = useHelpLinks();
  const topic = helpTopic(id);
  const { key } = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: every navigation (key) may bring a new #part
  useEffect(() => {
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash) return;
    // After the page's own focus move to its heading (ui/page.tsx).
    const timer = setTimeout(() => document.getElementById(hash)?.scrollIntoView({ block: 'start' }), 0);
    return () => clearTimeout(timer);
  }, [id, key]);
  const back = <Link to="/help">{t('help.index')}</Link>;
  if (!topic)
    return (
      <HelpFrame>
        <Page title={t('help.title')} breadcrumb={back}>
          <p>{t('help.notFound')}</p>
        </Page>
      </HelpFrame>
    );
  return (
    <HelpFrame>
      <Page title={topic.title} lead={topic.summary} breadcrumb={back}>
        <p className="muted help-roles">
          {t('help.forRole', { role: topic.roles.map((r) => t(`roles.${r}`)).join(', ') })}
        </p>
        <HelpBlocks topic={topic} links={links} />
      </Page>
    </HelpFrame>
  );
}
