package org.stasis.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;

/** The real engine, built earlier in the reactor (native/build/stasis), driven as a user would. */
final class Engine {

    private Engine() {
    }

    /** The stasis binary; the build must have made it, so its absence fails the test. */
    static Path binary() {
        String path = System.getProperty("stasis.engine");
        if (path == null) {
            throw new IllegalStateException("system property stasis.engine is not set (the pom sets it)");
        }
        Path binary = Path.of(path).normalize();
        assertTrue(Files.isExecutable(binary), binary + " is missing: the reactor builds it in org.stasis.native.linux.x86_64");
        return binary;
    }

    /** Dumping needs root (or CAP_CHECKPOINT_RESTORE + CAP_SYS_PTRACE); CI runs as root. */
    /** The suite runs as root (./test.sh): a silent skip would pass for a test. */
    static void requireRoot() {
        Assertions.assertEquals("root", System.getProperty("user.name"),
                "dumping a real process needs root: run the tests as ./test.sh does");
    }

    /** stasis dump PID -o IMAGE, leaving the process running. */
    static void dump(long pid, Path image) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary().toString(), "dump", Long.toString(pid), "-o", image.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stasis dump did not finish");
        assertEquals(0, p.exitValue(), "stasis dump " + pid + " failed: " + output);
    }
}
