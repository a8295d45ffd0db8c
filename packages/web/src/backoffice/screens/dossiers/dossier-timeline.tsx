import { useTranslation } from 'react-i18next';
import { tDynamic } from '../../../i18n/index.js';
import { formatDateTime } from '../../../shared/format.js';
import type { DossierEvent } from '../../lib/api-types.js';

/** Every step of the dossier, oldest first: what, who, when, the note; for files, which file and version. */
export function DossierTimeline({ events }: { events: DossierEvent[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="dossier-timeline">
      <h2 id="dossier-timeline">{t('dossier.timeline')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('common.empty')}</p>
      ) : (
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.id}>
              <strong>{tDynamic(`dossierActions.event.${e.action}`, e.actionLabel)}</strong>{' '}
              <span className="muted nowrap">{formatDateTime(e.at)}</span>
              <br />
              <span>
                {e.actorName ?? t('audit.system')}
                {e.actorName ? <span className="muted"> · {tDynamic(`roles.${e.actorRole}`, e.actorRole)}</span> : null}
              </span>
              <br />
              {e.attachment ? (
                <span className="muted">
                  {e.attachment.replacedFileName
                    ? t('dossier.eventReplaced', {
                        name: e.attachment.fileName,
                        version: e.attachment.version,
                        old: e.attachment.replacedFileName,
                        oldVersion: e.attachment.replacedVersion,
                      })
                    : t('dossier.eventFile', { name: e.attachment.fileName, version: e.attachment.version })}
                </span>
              ) : (
                <span className="muted">
                  {t('dossier.movedTo')} {tDynamic(`states.${e.toState}`, e.toState)}
                </span>
              )}
              {e.note ? <p className="event-note">{e.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
