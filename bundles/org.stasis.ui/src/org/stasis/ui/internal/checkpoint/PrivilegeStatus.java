package org.stasis.ui.internal.checkpoint;

import java.util.Objects;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
import org.stasis.core.engine.CheckReport;

/**
 * Whether the engine can checkpoint here, and if not, why and what the user can do about it.
 *
 * @param allowed the engine has what it needs
 * @param problem what is missing, in the engine's words; empty when allowed
 * @param remedy how to get it; empty when allowed
 */
public record PrivilegeStatus(boolean allowed, String problem, String remedy) {

    /** The engine has everything it needs. */
    public static final PrivilegeStatus ALLOWED = new PrivilegeStatus(true, "", ""); //$NON-NLS-1$ //$NON-NLS-2$

    /** The probe `stasis check` names "privileges": root, or CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE. */
    static final String PRIVILEGES_PROBE = "privileges"; //$NON-NLS-1$

    public PrivilegeStatus {
        Objects.requireNonNull(problem, "problem"); //$NON-NLS-1$
        Objects.requireNonNull(remedy, "remedy"); //$NON-NLS-1$
    }

    /** @return what the report's first required failed probe (its blocker) means for a checkpoint */
    public static PrivilegeStatus of(CheckReport report) {
        Optional<CheckReport.Probe> blocker = report.blocker();
        if (blocker.isEmpty()) {
            return ALLOWED;
        }
        CheckReport.Probe probe = blocker.get();
        String remedy = PRIVILEGES_PROBE.equals(probe.name()) ? Messages.Privilege_HowTo
                : NLS.bind(Messages.Privilege_KernelHowTo, probe.name());
        return new PrivilegeStatus(false, probe.detail(), remedy);
    }

    /** @return the status when the check itself could not run (no helper, helper crashed) */
    public static PrivilegeStatus checkFailed(String why) {
        return new PrivilegeStatus(false, NLS.bind(Messages.Privilege_CheckFailed, why), Messages.Privilege_HelperHowTo);
    }
}
