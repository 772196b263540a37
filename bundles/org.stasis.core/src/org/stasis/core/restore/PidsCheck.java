package org.stasis.core.restore;

import java.nio.file.Files;
import java.util.List;

import org.stasis.image.proto.Process;

/**
 * Original PIDs: free here, the tree gets them back; taken (by any process or thread), the engine
 * restores it into a new PID namespace, where it keeps them. Not an error, but worth saying: other
 * programs see the tree under other pids.
 */
@SuppressWarnings("nls")
public final class PidsCheck implements PreflightCheck {

    static final String TITLE = "Original PIDs";

    @Override
    public PreflightItem check(RestoreCandidate image, HostState host) {
        List<Integer> pids = image.metadata().getProcessesList().stream().map(Process::getPid).toList();
        List<Integer> taken = takenPids(image, host);
        if (taken.isEmpty()) {
            return new PreflightItem(TITLE, PreflightStatus.OK, (pids.size() == 1 ? "PID " : "PIDs ")
                    + Listing.of(pids.stream().map(String::valueOf).toList())
                    + (pids.size() == 1 ? " is" : " are") + " free here: the tree gets its original PIDs back.");
        }
        List<String> holders = taken.stream().map(pid -> holder(pid, host)).toList();
        return new PreflightItem(TITLE, PreflightStatus.WARNING, "Taken here: " + Listing.of(holders)
                + ". The tree will be restored in a new PID namespace, where its processes keep their original"
                + " PIDs; outside it they get other ones.");
    }

    /** @return the image's pids that a process or thread here holds now */
    public static List<Integer> takenPids(RestoreCandidate image, HostState host) {
        return image.metadata().getProcessesList().stream().map(Process::getPid)
                .filter(pid -> Files.exists(host.procRoot().resolve(Integer.toUnsignedString(pid)))).toList();
    }

    private static String holder(int pid, HostState host) {
        return host.processes().byPid(pid).map(p -> "PID " + pid + " (" + p.commandLine() + ")")
                .orElse("PID " + pid + " (a thread)");
    }
}
