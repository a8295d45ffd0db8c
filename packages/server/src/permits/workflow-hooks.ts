import type { Config } from '../config.js';
import type { WorkflowHooks } from '../workflow/hooks.js';
import { approvedPlanOf } from './issuing-business.js';
import { reissueUnitCredentialForDetails } from './reissue-unit-credential.js';
import { revokePermitsOf } from './revoke-permits.js';
import { issueContext } from './signing-context.js';
import { issueUnitCredential, revokeUnitCredentials } from './unit-credential.js';

/**
 * What permits do when the dossier workflow moves, inside the workflow's transaction:
 * - a dossier approved → the unit credential (re)issued with the approved list's size and
 *   the approval's reference (the previous one revoked); the ward's first key is made here;
 * - people taken off the list → their active permits revoked at once;
 * - a business suspended → all its active permits and its unit credential revoked;
 * - a business reinstated → a new unit credential (revoked permits stay revoked: the
 *   business issues new ones);
 * - a new name or address approved → a new unit credential carrying it (the old one revoked);
 *   permits already issued stay valid (docs/architecture.md, "A business renamed").
 */
export function permitWorkflowHooks(config: Pick<Config, 'masterKey' | 'keysDir' | 'publicUrl'>): WorkflowHooks {
  return {
    async dossierApproved(tx, e) {
      const plan = e.kind === 'initial' ? undefined : await approvedPlanOf(tx, e.businessId);
      await issueUnitCredential(
        tx,
        {
          businessId: e.businessId,
          dossierId: plan?.dossierId ?? e.dossierId,
          approvalRef: e.referenceNumber,
          planFrom: plan?.planFrom ?? e.planFrom,
          planTo: plan?.planTo ?? e.planTo,
        },
        issueContext(config, e.actor, e.now),
      );
    },
    async staffRemoved(tx, e) {
      await revokePermitsOf(tx, { businessId: e.businessId, staffIds: e.staffIds }, e.wardCode, e.reason, e);
    },
    async businessSuspended(tx, e) {
      await revokePermitsOf(tx, { businessId: e.businessId }, e.wardCode, e.reason, e);
      await revokeUnitCredentials(tx, e.businessId, e.wardCode, e.reason, e);
    },
    async businessReinstated(tx, e) {
      const plan = await approvedPlanOf(tx, e.businessId);
      if (!plan) return;
      await issueUnitCredential(
        tx,
        {
          businessId: e.businessId,
          dossierId: plan.dossierId,
          approvalRef: plan.referenceNumber ?? '—',
          planFrom: plan.planFrom,
          planTo: plan.planTo,
        },
        issueContext(config, e.actor, e.now),
      );
    },
    async businessDetailsChanged(tx, e) {
      await reissueUnitCredentialForDetails(tx, e.businessId, e.fields, issueContext(config, e.actor, e.now));
    },
  };
}
