package org.stasis.ui.internal.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.stasis.ui.tests.UiDriver;

/**
 * A live python3 that writes an increasing number to a file every 20 ms, optionally holding a large
 * block of touched memory (so that a dump of it takes long enough to cancel midway).
 */
final class CounterProcess implements AutoCloseable {

    private static final String SCRIPT = String.join("\n", "import sys, time",
            "ballast = bytearray(b'\\x01') * (int(sys.argv[2]) << 20)", "out = open(sys.argv[1], 'w')",
            "print('ready', flush=True)", "i = 0", "while True:", "    i += 1", "    out.seek(0)",
            "    out.write(str(i))", "    out.flush()", "    time.sleep(0.02)");

    final Process python;
    private final Path counter;

    /** Starts the counter, writing to counter, with ballastMiB MiB of touched memory, and waits until it counts. */
    CounterProcess(Path counter, int ballastMiB) throws IOException {
        assertEquals("root", System.getProperty("user.name"), "checkpointing a real process needs root: run as ./test.sh does");
        this.counter = counter;
        python = new ProcessBuilder("python3", "-c", SCRIPT, counter.toString(), Integer.toString(ballastMiB))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("ready", out.readLine(), "the counter started");
    }

    int pid() {
        return (int) python.pid();
    }

    /** @return the last number written, or 0 before the first */
    long count() throws IOException {
        try {
            String text = Files.readString(counter).strip();
            return text.isEmpty() ? 0 : Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** @return the state letter of /proc/PID/stat: R or S while it counts, T when stopped */
    char state() throws IOException {
        String stat = Files.readString(Path.of("/proc", Integer.toString(pid()), "stat"));
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** Asserts the counter is alive, not stopped, and still counting over the next half second. */
    void assertCounting(UiDriver ui) throws IOException {
        assertTrue(python.isAlive(), "the counter process is alive");
        char state = state();
        assertTrue(state == 'R' || state == 'S', "the counter runs (state " + state + ")");
        long before = count();
        ui.pause(500);
        long after = count();
        assertTrue(after > before, "the counter still counts: " + before + " then " + after);
    }

    @Override
    public void close() throws InterruptedException {
        python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
