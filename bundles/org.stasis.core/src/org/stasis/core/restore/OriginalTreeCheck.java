package org.stasis.core.restore;

import java.util.List;

import org.stasis.core.images.ProcessCommand;
import org.stasis.core.processes.ProcessKey;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.ProcessState;

/**
 * The original tree: when a process of the image still runs (same pid, same start time: the very
 * process, not a reuse of its pid), the restore makes a second copy of it, which then writes to the
 * same files as the first.
 */
@SuppressWarnings("nls")
public final class OriginalTreeCheck implements PreflightCheck {

    static final String TITLE = "Original tree";

    @Override
    public PreflightItem check(RestoreCandidate image, HostState host) {
        List<String> running = image.metadata().getProcessesList().stream()
                .filter(p -> p.getState() != ProcessState.PROCESS_ZOMBIE)
                .filter(p -> host.processes().get(new ProcessKey(p.getPid(), p.getStartTimeTicks())).isPresent())
                .map(OriginalTreeCheck::name).toList();
        if (running.isEmpty()) {
            return new PreflightItem(TITLE, PreflightStatus.OK, "The checkpointed processes no longer run.");
        }
        return new PreflightItem(TITLE, PreflightStatus.WARNING, "Still running: " + Listing.of(running)
                + ". Restoring makes a second copy, in a new PID namespace, that works on the same files;"
                + " stop the original first unless that is what you want.");
    }

    private static String name(Process p) {
        return "PID " + p.getPid() + " (" + ProcessCommand.of(p) + ")";
    }
}
