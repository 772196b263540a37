package org.stasis.core.restore;

import java.util.Optional;

import org.stasis.core.engine.CheckReport;

/** Privilege, as the engine's own `stasis check` sees it: without it the restore fails at once. */
@SuppressWarnings("nls")
public final class PrivilegeCheck implements PreflightCheck {

    static final String TITLE = "Privilege";

    /** How to get what the engine needs; the engine's detail says what is missing. */
    static final String HOW = "Run the workbench as root, or give the stasis helper the capabilities"
            + " CAP_CHECKPOINT_RESTORE and CAP_SYS_PTRACE (setcap cap_checkpoint_restore,cap_sys_ptrace+ep PATH).";

    @Override
    public PreflightItem check(RestoreCandidate image, HostState host) {
        Optional<CheckReport> report = host.engineCheck();
        if (report.isEmpty()) {
            return new PreflightItem(TITLE, PreflightStatus.ERROR,
                    "The stasis helper could not say: " + host.engineError());
        }
        return report.get().blocker()
                .map(p -> new PreflightItem(TITLE, PreflightStatus.ERROR,
                        "stasis check: " + p.name() + ": " + p.detail() + " " + HOW))
                .orElseGet(() -> new PreflightItem(TITLE, PreflightStatus.OK,
                        "The stasis helper has what a restore needs here."));
    }
}
