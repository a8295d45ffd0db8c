import { type HelpTopicId, helpTopic } from '../../../help/help-topics.js';
import type { HelpLinks } from '../../../help/help-view.js';
import { Link } from '../../lib/router.js';
import { useSession } from '../../lib/session.js';
import { GuideDownload } from '../../ui/guide-downloads.js';
import { helpPath } from '../../ui/help-link.js';

/** How the back office shows the help's links: its router, and the ward's PDFs once signed in. */
export function useHelpLinks(): HelpLinks {
  const { user, status } = useSession();
  const ward = status === 'signed-in' ? user?.wardCode : null;
  return {
    topic: (id) => <Link to={helpPath(id as HelpTopicId)}>{helpTopic(id)?.title ?? id}</Link>,
    pdf: (kind) => (ward ? <GuideDownload wardCode={ward} kind={kind} /> : null),
  };
}
