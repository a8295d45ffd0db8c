import { useTranslation } from 'react-i18next';
import type { BusinessStatus, DossierState } from '../lib/api-types.js';
import { Badge, type Tone } from './badge.js';

const DOSSIER_TONE: Record<DossierState, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  health_confirmed: 'info',
  awaiting_leader: 'info',
  approved: 'good',
  returned: 'warn',
  rejected: 'bad',
  suspended: 'bad',
};

const DOSSIER_ICON: Partial<Record<DossierState, string>> = {
  draft: '✎',
  submitted: '→',
  health_confirmed: '✚',
  suspended: '‖',
};

/** A dossier's state with the glossary's words ("Đã nộp, chờ Trạm Y tế xác nhận"). */
export function DossierStateBadge({ state }: { state: DossierState }) {
  const { t } = useTranslation();
  return (
    <Badge tone={DOSSIER_TONE[state]} icon={DOSSIER_ICON[state]}>
      <span className="badge-long">{t(`states.${state}`)}</span>
    </Badge>
  );
}

const BUSINESS_TONE: Record<BusinessStatus, Tone> = {
  pending: 'warn',
  active: 'good',
  refused: 'bad',
  suspended: 'bad',
};

export function BusinessStatusBadge({ status }: { status: BusinessStatus }) {
  const { t } = useTranslation();
  return <Badge tone={BUSINESS_TONE[status]}>{t(`businessStatus.${status}`)}</Badge>;
}
