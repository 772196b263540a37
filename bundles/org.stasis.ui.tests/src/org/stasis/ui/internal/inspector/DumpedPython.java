package org.stasis.ui.internal.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A live python3 holding a known pattern, dumped by the real engine (native/build/stasis, found
 * through the stasis.engine property the pom sets), then changed and dumped again.
 */
final class DumpedPython implements AutoCloseable {

    static final int PATTERN_BYTES = 50 << 20;
    /** Pages the script overwrites between the two dumps. */
    static final int CHANGED_PAGES = 64;
    /** 251 is prime: no two pages of the pattern look alike. Waits for a line, then changes pages. */
    static final String SCRIPT = String.join("\n", "import ctypes, sys, time", "n = " + PATTERN_BYTES,
            "b = bytearray((bytes(range(251)) * (n // 251 + 1))[:n])",
            "print(ctypes.addressof((ctypes.c_char * n).from_buffer(b)), flush=True)", "sys.stdin.readline()",
            "for i in range(" + CHANGED_PAGES + "):", "    b[i * 4096 + 100] ^= 0xff", "print('changed', flush=True)",
            "time.sleep(1000)");

    final java.lang.Process python;
    final long address;
    private final BufferedReader out;

    DumpedPython() throws IOException {
        assertEquals("root", System.getProperty("user.name"), "dumping a real process needs root: run as ./test.sh does");
        python = new ProcessBuilder("python3", "-c", SCRIPT).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        address = Long.parseLong(out.readLine().strip());
    }

    /** Pattern byte at an absolute address inside the pattern. */
    int patternAt(long at) {
        return (int) ((at - address) % 251);
    }

    int pid() {
        return (int) python.pid();
    }

    /** stasis dump PID -o IMAGE, leaving python running. */
    void dump(Path image) throws IOException, InterruptedException {
        String engine = System.getProperty("stasis.engine");
        assertTrue(engine != null && Files.isExecutable(Path.of(engine)), "no engine at stasis.engine=" + engine);
        java.lang.Process p = new ProcessBuilder(engine, "dump", Long.toString(python.pid()), "-o", image.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stasis dump did not finish");
        assertEquals(0, p.exitValue(), "stasis dump failed: " + output);
    }

    /** Makes python change {@link #CHANGED_PAGES} pages of the pattern, and waits until it did. */
    void changePages() throws IOException {
        OutputStream in = python.getOutputStream();
        in.write('\n');
        in.flush();
        assertEquals("changed", out.readLine());
    }

    @Override
    public void close() throws InterruptedException {
        python.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
}
