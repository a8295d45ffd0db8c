import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.js';
import { api } from '../../lib/api-client.js';
import type { Items, WardKey } from '../../lib/api-types.js';
import { useNotices } from '../../lib/notices.js';
import { useUser } from '../../lib/session.js';
import { useApi } from '../../lib/use-api.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { type Column, DataTable } from '../../ui/data-table.js';
import { Dialog } from '../../ui/dialog.js';
import { ErrorMessage, Loading } from '../../ui/messages.js';
import { Page } from '../../ui/page.js';

/** The ward's signing keys (public parts only) and their rotation. */
export function KeysScreen() {
  const { t } = useTranslation();
  const me = useUser();
  const { notify } = useNotices();
  const path = me.wardCode ? `/api/v1/wards/${me.wardCode}/keys` : null;
  const keys = useApi<Items<WardKey>>(path);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const rotate = async () => {
    if (!path) return;
    setBusy(true);
    const r = await api.post<{ previous: WardKey | null; current: WardKey }>(`${path}/rotate`, { alg: 'EdDSA' });
    setBusy(false);
    setConfirming(false);
    if (!r.ok) return notify(r.error.message, 'error');
    notify(t('keys.rotated', { kid: r.data.current.kid }));
    keys.reload();
  };
  const columns: Column<WardKey>[] = [
    { key: 'kid', header: t('keys.kid'), render: (k) => <span className="mono">{k.kid}</span> },
    { key: 'alg', header: t('keys.alg'), render: (k) => k.alg },
    {
      key: 'status',
      header: t('common.status'),
      render: (k) =>
        k.status === 'current' ? (
          <Badge tone="good">{t('keys.current')}</Badge>
        ) : (
          <Badge tone="neutral">{t('keys.retired')}</Badge>
        ),
    },
    {
      key: 'from',
      header: t('keys.notBefore'),
      render: (k) => formatDateTime(k.notBefore),
      sortValue: (k) => k.notBefore,
    },
    { key: 'to', header: t('keys.notAfter'), render: (k) => formatDateTime(k.notAfter), sortValue: (k) => k.notAfter },
    { key: 'issuer', header: t('keys.issuer'), render: (k) => <span className="mono">{k.issuer}</span> },
  ];
  return (
    <Page
      title={t('keys.title')}
      lead={t('keys.lead')}
      help="khoa-ky"
      actions={
        <Button variant="primary" onClick={() => setConfirming(true)}>
          {t('keys.rotate')}
        </Button>
      }
    >
      <ErrorMessage error={keys.error} />
      {keys.loading && !keys.data ? (
        <Loading />
      ) : (
        <DataTable
          caption={t('keys.title')}
          columns={columns}
          rows={keys.data?.items ?? []}
          rowKey={(k) => k.id}
          empty={t('keys.none')}
          initialSort={{ key: 'from', dir: 'desc' }}
        />
      )}
      <p>
        <a href="/.well-known/thonghanh/trust.json">{t('keys.trustList')}</a> ·{' '}
        <a href="/.well-known/thonghanh/revoked.json">{t('keys.revokedList')}</a>
      </p>
      <Dialog open={confirming} title={t('keys.rotateTitle')} onClose={() => setConfirming(false)}>
        <p>{t('keys.rotateText')}</p>
        <div className="form-actions">
          <Button variant="primary" busy={busy} onClick={() => void rotate()}>
            {t('keys.rotate')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
        </div>
      </Dialog>
    </Page>
  );
}
