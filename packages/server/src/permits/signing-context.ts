import type { AuditActor } from '../audit/append-audit.js';
import type { Config } from '../config.js';
import { loadMasterKey } from '../keys/master-key.js';
import type { KeyContext } from '../keys/ward-keys.js';

/** What issuing needs besides the transaction: the master key, the QR's ORIGIN, who and when. */
export interface IssueContext extends KeyContext {
  /** `config.publicUrl`: the ORIGIN of `<ORIGIN>/p1#…`. */
  origin: string;
}

export function issueContext(
  config: Pick<Config, 'masterKey' | 'keysDir' | 'publicUrl'>,
  actor: AuditActor,
  now: Date,
): IssueContext {
  return { master: loadMasterKey(config), origin: config.publicUrl, actor, now };
}
