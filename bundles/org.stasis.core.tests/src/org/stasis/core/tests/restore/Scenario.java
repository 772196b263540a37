package org.stasis.core.tests.restore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.stasis.core.engine.CheckReport;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessKey;
import org.stasis.core.processes.ProcessSnapshot;
import org.stasis.core.restore.HostState;
import org.stasis.core.restore.RestoreCandidate;
import org.stasis.image.ImageHeader;
import org.stasis.image.proto.Image;

/**
 * An image and a host for one pre-flight check, built by hand so that each test states exactly
 * what differs. The defaults agree with each other: every check on them is green.
 */
final class Scenario {

    static final String ARCH = "x86_64";
    static final String KERNEL = "6.1.0-18-amd64";

    Image.Builder image = Image.newBuilder().setRootPid(4711).setArch(ARCH).setKernelRelease(KERNEL);
    String imageArch = ARCH;
    String imageKernel = KERNEL;
    long pagesBytes = 16 << 20;

    Path procRoot = Path.of("/proc");
    final List<ProcessInfo> running = new ArrayList<>();
    String hostArch = ARCH;
    String hostKernel = KERNEL;
    OptionalLong memAvailable = OptionalLong.of(8L << 30);
    Optional<CheckReport> engineCheck = Optional
            .of(new CheckReport(true, List.of(new CheckReport.Probe("privileges", "ok", true, "running as root"))));
    String engineError = "";

    RestoreCandidate candidate() {
        ImageHeader header = new ImageHeader(1, 0, 256, "0123456789abcdef0123456789abcdef", Optional.empty(),
                Instant.parse("2024-05-01T10:00:00Z"), 4096, 0, imageArch, imageKernel, "node7", pagesBytes + 8192);
        return new RestoreCandidate(Path.of("/images/test.stasis"), header, image.build(), pagesBytes);
    }

    HostState host() {
        return new HostState(procRoot, new ProcessSnapshot(running, 1000, Instant.now()), hostKernel, hostArch,
                memAvailable, engineCheck, engineError);
    }

    /** A process running here with this pid and start time. */
    Scenario running(long pid, long startTicks, String commandLine) {
        running.add(new ProcessInfo(new ProcessKey(pid, startTicks), 1, 0, "root", 'S', 1, 0, 0,
                OptionalDouble.empty(), Instant.now(), commandLine.split(" ")[0], commandLine));
        return this;
    }
}
