import { useTranslation } from 'react-i18next';
import type { GuidePdf } from '../../help/help-types.js';

/** Where the server renders a ward's printable guide (GET /api/v1/wards/:code/guides/<kind>.pdf). */
export const guidePdfPath = (wardCode: string, kind: GuidePdf) => `/api/v1/wards/${wardCode}/guides/${kind}.pdf`;

/** A download button for one printable guide of the ward. */
export function GuideDownload({ wardCode, kind }: { wardCode: string; kind: GuidePdf }) {
  const { t } = useTranslation();
  return (
    <a className="btn" href={guidePdfPath(wardCode, kind)} download>
      {t(`help.pdf.${kind}`)}
    </a>
  );
}

/** The printable guides of the ward, side by side. */
export function GuideDownloads({ wardCode, kinds }: { wardCode: string; kinds: readonly GuidePdf[] }) {
  return (
    <p className="form-actions">
      {kinds.map((k) => (
        <GuideDownload key={k} wardCode={wardCode} kind={k} />
      ))}
    </p>
  );
}
