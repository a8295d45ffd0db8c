import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpTopicId } from '../../help/help-topics.js';
import { useLocation } from '../lib/router.js';
import { HelpLink } from './help-link.js';

/**
 * A screen: sets the window title and, after a navigation, moves focus to the heading so a
 * screen reader announces the new page (and Tab continues from there).
 */
export function Page({
  title,
  lead,
  actions,
  breadcrumb,
  help,
  helpSection,
  children,
}: {
  title: string;
  /** The help page about this screen: a "?" beside the title (`helpSection`: a part of it). */
  help?: HelpTopicId;
  helpSection?: string;
  lead?: ReactNode;
  actions?: ReactNode;
  breadcrumb?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const { key } = useLocation();
  useEffect(() => {
    document.title = t('app.windowTitle', { page: title });
  }, [title, t]);
  useEffect(() => {
    if (key > 0) heading.current?.focus();
  }, [key]);
  return (
    <>
      {breadcrumb ? (
        <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
          {breadcrumb}
        </nav>
      ) : null}
      <div className="page-head">
        <div className="page-title">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {help ? <HelpLink topic={help} section={helpSection} /> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </>
  );
}
