import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page as ApiPage, Dossier, DossierState } from '../../lib/api-types.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { ButtonLink } from '../../ui/button.js';
import { Checkbox, SelectField } from '../../ui/field.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';
import { Pager } from '../../ui/pager.js';
import { DossierTable } from './dossier-table.js';

const STATES: DossierState[] = [
  'draft',
  'submitted',
  'health_confirmed',
  'approved',
  'returned',
  'rejected',
  'suspended',
];
const PAGE_SIZE = 50;

/** Every dossier the viewer may see (the business: its own), filtered by state, most urgent first. */
export function DossiersScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const [state, setState] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const list = useApi<ApiPage<Dossier>>('/api/v1/dossiers', {
    state,
    overdue: overdue ? 'true' : undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const isBusiness = me.role === 'business_rep';
  return (
    <Page
      title={isBusiness ? t('nav.myDossiers') : t('nav.dossiers')}
      lead={isBusiness ? t('dossiers.leadBusiness') : t('dossiers.lead')}
      help={isBusiness ? 'lap-va-nop-ho-so' : 'duyet-hay-tra-lai'}
      actions={
        isBusiness ? (
          <ButtonLink to="/dossiers/new" variant="primary">
            {t('dossiers.new')}
          </ButtonLink>
        ) : me.role === 'ward_officer' ? (
          <ButtonLink to="/intake" variant="primary">
            {t('nav.intake')}
          </ButtonLink>
        ) : null
      }
    >
      <div className="toolbar">
        <SelectField
          label={t('dossiers.filterState')}
          value={state}
          onValue={(v) => {
            setState(v);
            setPage(1);
          }}
          placeholder={t('common.all')}
          options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))}
        />
        {!isBusiness ? (
          <Checkbox
            label={t('dossiers.onlyOverdue')}
            checked={overdue}
            onChecked={(v) => {
              setOverdue(v);
              setPage(1);
            }}
          />
        ) : null}
      </div>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <>
          <DossierTable
            dossiers={list.data?.items ?? []}
            caption={t('nav.dossiers')}
            showBusiness={!isBusiness}
            empty={t('dossiers.none')}
          />
          {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} /> : null}
        </>
      )}
    </Page>
  );
}
