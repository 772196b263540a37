package org.stasis.image.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.image.MemoryBytes;
import org.stasis.image.ProgressListener;
import org.stasis.image.StasisImage;
import org.stasis.image.VerifyResult;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.Vma;
import org.stasis.image.proto.VmaKind;

/**
 * Reads an image the real engine wrote of a live python3 holding a known 8 MiB pattern, and checks
 * the reader against what /proc said before the dump.
 */
class EngineImageTest {

    private static final int PATTERN_BYTES = 8 << 20;
    /** Prints the pattern's address, then waits to be dumped. 251 is prime: no two pages look alike. */
    private static final String SCRIPT = String.join("\n", "import ctypes, time",
            "n = " + PATTERN_BYTES,
            "b = bytearray((bytes(range(251)) * (n // 251 + 1))[:n])",
            "print(ctypes.addressof((ctypes.c_char * n).from_buffer(b)), flush=True)",
            "time.sleep(1000)");

    @TempDir
    static Path dir;
    private static java.lang.Process python;
    private static long address;
    private static List<String> maps;
    private static List<String> cmdline;
    private static String comm;
    private static StasisImage image;

    @BeforeAll
    static void dumpPython() throws Exception {
        Engine.requireRoot();
        python = new ProcessBuilder("python3", "-c", SCRIPT).redirectInput(new File("/dev/null"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
        address = Long.parseLong(out.readLine().trim());
        Path proc = Path.of("/proc", Long.toString(python.pid()));
        maps = Files.readAllLines(proc.resolve("maps"));
        cmdline = List.of(Files.readString(proc.resolve("cmdline")).split("\0")); // python3 may be a pyenv shim
        comm = Files.readString(proc.resolve("comm")).strip();
        Path file = dir.resolve("python.stasis");
        Engine.dump(python.pid(), file);
        image = StasisImage.open(file);
    }

    @AfterAll
    static void stop() throws Exception {
        if (image != null) {
            image.close();
        }
        if (python != null) {
            python.destroyForcibly();
            python.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void headerAndProcessMatchTheLiveProcess() {
        assertEquals("1.0", image.header().formatVersion());
        assertEquals(System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch"),
                image.header().arch());
        assertFalse(image.header().isIncremental());
        Process p = image.process((int) python.pid());
        assertNotNull(p, "the image lacks the dumped pid");
        assertEquals((int) python.pid(), image.metadata().getRootPid());
        assertEquals(ProcessHandle.current().pid(), p.getPpid());
        assertEquals(cmdline, p.getArgvList());
        assertEquals(SCRIPT, p.getArgv(2));
        assertEquals(comm, p.getComm());
    }

    @Test
    void vmasMatchProcMaps() {
        List<String> expected = new ArrayList<>();
        for (String line : maps) {
            if (!line.endsWith("[vsyscall]")) { // the kernel's fixed page, not part of the mm
                expected.add(line.substring(0, line.indexOf(' ')));
            }
        }
        List<String> actual = new ArrayList<>();
        for (Vma v : image.process((int) python.pid()).getMm().getVmasList()) {
            actual.add(String.format("%x-%x", v.getStart(), v.getEnd()));
        }
        assertEquals(expected, actual);
    }

    @Test
    void patternIsFoundAtItsAddress() throws Exception {
        MemoryBytes bytes = image.readMemory((int) python.pid(), address, PATTERN_BYTES);
        assertTrue(bytes.isComplete(), "the touched pattern must be stored in full");
        byte[] expected = new byte[PATTERN_BYTES];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i % 251);
        }
        assertArrayEquals(expected, bytes.toArray());
    }

    @Test
    void unstoredPagesReadAsAbsent() throws Exception {
        Vma clean = image.process((int) python.pid()).getMm().getVmasList().stream()
                .filter(v -> v.getKind() == VmaKind.VMA_FILE_PRIVATE && v.getPagesCount() == 0).findFirst()
                .orElseThrow();
        MemoryBytes bytes = image.readMemory((int) python.pid(), clean.getStart(), 4096);
        assertFalse(bytes.isPresent(0));
        assertFalse(bytes.isPresent(4095));
    }

    @Test
    void allPagesVerifyWithProgress() throws Exception {
        AtomicLong last = new AtomicLong();
        VerifyResult result = image.verifyAll((done, total) -> {
            assertTrue(done > last.get() && done <= total);
            last.set(done);
        });
        assertTrue(result.ok(), result.toString());
        assertEquals(image.pagesLength(), last.get());
        assertEquals(image.pageSums().length, result.chunksTotal());
    }

    @Test
    void verificationCanBeCanceled() throws Exception {
        VerifyResult result = image.verifyAll(new ProgressListener() {
            private int calls;

            @Override
            public void progress(long done, long total) {
                calls++;
            }

            @Override
            public boolean isCanceled() {
                return calls >= 2;
            }
        });
        assertTrue(result.canceled());
        assertEquals(2, result.chunksChecked());
        assertFalse(result.ok());
    }
}
