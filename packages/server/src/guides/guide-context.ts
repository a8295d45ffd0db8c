import type { Config } from '../config.js';
import type { Executor } from '../db/schema.js';
import { type WardIssuer, wardIssuer } from '../keys/issuer.js';
import { DEFAULT_LEGAL_BASIS } from '../permits/permit-print.js';
import { serialSuffixFor } from '../permits/serials.js';
import { vnDateOf } from '../permits/vn-dates.js';
import { getWardSettings } from '../ward-settings/ward-settings.js';

/** What a ward's printable guides are filled with: its name, its settings, the service's address. */
export interface GuideContext {
  ward: WardIssuer;
  /** Days a dossier may wait (ward_settings.due_days, default 3). */
  dueDays: number;
  /** The legal-basis line printed on the ward's permits. */
  legalBasis: string;
  /** The one-stop desk's mailbox, when the ward has set one. */
  deskEmail: string | null;
  /** The service's address (PUBLIC_URL) without a trailing slash. */
  publicUrl: string;
  /** The day the guide is made (Việt Nam), YYYY-MM-DD. */
  today: string;
  /** The ward's permit serial suffix (`GĐĐ` unless the ward chose another). */
  serialSuffix: string;
}

/** Reads the guide's context for a ward (404 `not_found` for a code that is no ward). */
export async function loadGuideContext(
  db: Executor,
  wardCode: string,
  config: Config,
  now: Date,
): Promise<GuideContext> {
  const [ward, settings, serialSuffix] = await Promise.all([
    wardIssuer(db, wardCode),
    getWardSettings(db, wardCode),
    serialSuffixFor(db, '', wardCode),
  ]);
  return {
    ward,
    dueDays: settings.dueDays,
    legalBasis: settings.legalBasis?.trim() || DEFAULT_LEGAL_BASIS,
    deskEmail: settings.deskEmail,
    publicUrl: config.publicUrl.replace(/\/+$/, ''),
    today: vnDateOf(now),
    serialSuffix,
  };
}

/** `Phường Đức Giang` → `phường Đức Giang` (inside a sentence). */
export const inSentence = (name: string): string =>
  name.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã|Thành phố|Tỉnh)\s/u, (m) => m.toLowerCase());
