import type { OnActive } from '@thonghanh/contract';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../lib/api-client.js';
import { Button } from '../../ui/button.js';
import { Dialog } from '../../ui/dialog.js';

export type { OnActive };

/**
 * The server refused (409 `permit_already_active`): some people picked hold a permit still
 * valid. Says who, and asks what to do: revoke the old permit and issue a new one, leave
 * them out, or knowingly issue a second permit. Nothing is issued until one is chosen.
 */
export function ActivePermitDialog({
  conflict,
  onChoose,
  onCancel,
}: {
  conflict: ApiError | null;
  onChoose: (choice: OnActive) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const people = conflict?.issues ?? [];
  return (
    <Dialog open={conflict !== null} title={t('issue.active.title')} onClose={onCancel}>
      <p>{conflict?.message}</p>
      <ul className="active-permits">
        {people.map((p) => (
          <li key={`${p.path}-${p.message}`}>{p.message}</li>
        ))}
      </ul>
      <p className="muted">{t('issue.active.explain')}</p>
      <p className="form-actions">
        <Button variant="primary" onClick={() => onChoose('replace')}>
          {t('issue.active.replace')}
        </Button>
        <Button onClick={() => onChoose('skip')}>{t('issue.active.skip')}</Button>
        <Button onClick={() => onChoose('another')}>{t('issue.active.another')}</Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </p>
    </Dialog>
  );
}
