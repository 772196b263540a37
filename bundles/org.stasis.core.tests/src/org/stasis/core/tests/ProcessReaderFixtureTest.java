package org.stasis.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.processes.ProcessInfo;
import org.stasis.core.processes.ProcessReader;
import org.stasis.core.processes.ProcessSnapshot;

/** ProcessReader on the recorded /proc tree in fixtures/. */
class ProcessReaderFixtureTest {

    private static ProcessSnapshot read(Path root) throws IOException {
        return new ProcessReader(root.resolve("proc"), root.resolve("etc/passwd")).read(Optional.empty());
    }

    private static ProcessInfo pid(ProcessSnapshot s, long pid) {
        return s.byPid(pid).orElseThrow(() -> new AssertionError("pid " + pid + " missing from snapshot"));
    }

    @Test
    void readsEveryCompletePidAndSkipsTheVanishedOne() throws IOException {
        ProcessSnapshot s = read(Fixtures.root());
        Set<Long> pids = s.processes().stream().map(ProcessInfo::pid).collect(Collectors.toCollection(TreeSet::new));
        // 950 has a directory but no stat/status: it exited while we listed /proc
        assertEquals(new TreeSet<>(Set.of(1L, 2L, 9L, 10L, 57L, 100L, 811L, 812L, 900L, 901L)), pids);
    }

    @Test
    void commWithSpacesAndParentheses() throws IOException {
        ProcessSnapshot s = read(Fixtures.root());
        ProcessInfo sdPam = pid(s, 812);
        assertEquals("(sd-pam)", sdPam.name());
        assertEquals(811, sdPam.ppid());
        assertEquals('S', sdPam.state());

        ProcessInfo odd = pid(s, 900);
        assertEquals("a) b", odd.name());
        assertEquals('R', odd.state());
        assertEquals(811, odd.ppid());
        assertEquals(4, odd.threads());
        assertEquals(1200, odd.cpuTicks());
        assertEquals("./a) b --flag", odd.commandLine());
        assertEquals(2048L * 1024, odd.rssBytes());
    }

    @Test
    void kernelThreadHasBracketedNameAndNoMemory() throws IOException {
        ProcessInfo kthreadd = pid(read(Fixtures.root()), 2);
        assertEquals("[kthreadd]", kthreadd.commandLine());
        assertEquals(0, kthreadd.rssBytes());
        assertEquals(0, kthreadd.ppid());
        assertEquals("root", kthreadd.user());
    }

    @Test
    void zombieKeepsItsStateAndComm() throws IOException {
        ProcessInfo zombie = pid(read(Fixtures.root()), 901);
        assertEquals('Z', zombie.state());
        assertEquals("[worker]", zombie.commandLine());
        assertEquals(0, zombie.rssBytes());
        assertEquals(900, zombie.ppid());
    }

    @Test
    void usersByPasswdWithNumericFallback() throws IOException {
        ProcessSnapshot s = read(Fixtures.root());
        assertEquals("root", pid(s, 1).user());
        assertEquals("alice", pid(s, 811).user());
        assertEquals(1000, pid(s, 811).uid());
        // uid 4242 is not in the fixture passwd
        assertEquals("4242", pid(s, 10).user());
    }

    @Test
    void startTimeIsBootTimePlusTicks() throws IOException {
        ProcessSnapshot s = read(Fixtures.root());
        // btime 1700000000, starttime 100 ticks = 1 s
        assertEquals(Instant.ofEpochSecond(1_700_000_001L), pid(s, 1).startTime());
        // 6000 ticks = 60 s
        assertEquals(Instant.ofEpochSecond(1_700_000_060L), pid(s, 900).startTime());
        assertEquals(12288L * 1024, pid(s, 1).rssBytes());
        assertEquals("/sbin/init splash", pid(s, 1).commandLine());
    }

    @Test
    void cpuPercentIsTickDeltaOverElapsedUptime(@TempDir Path tmp) throws IOException {
        Path root = Fixtures.copyTo(tmp);
        ProcessReader reader = new ProcessReader(root.resolve("proc"), root.resolve("etc/passwd"));
        ProcessSnapshot first = reader.read(Optional.empty());
        assertTrue(pid(first, 900).cpuPercent().isEmpty(), "no CPU figure without an earlier sample");

        // 2 s later pid 900 used 100 more ticks (1 s of CPU): 50 %
        Files.writeString(root.resolve("proc/uptime"), "102.00 181.00\n");
        Path stat = root.resolve("proc/900/stat");
        Files.writeString(stat, Files.readString(stat).replace(" 1000 200 ", " 1100 200 "));
        ProcessSnapshot second = reader.read(Optional.of(first));

        assertEquals(50.0, pid(second, 900).cpuPercent().orElseThrow(), 1e-9);
        assertEquals(0.0, pid(second, 1).cpuPercent().orElseThrow(), 1e-9);
    }

    @Test
    void processVanishingMidReadIsSkipped(@TempDir Path tmp) throws IOException {
        Path root = Fixtures.copyTo(tmp);
        // status gone (exited after stat was read), and a stat cut short by the exit
        Files.delete(root.resolve("proc/811/status"));
        Files.writeString(root.resolve("proc/9/stat"), "9 (cron) S 1 9", StandardCharsets.US_ASCII);
        ProcessSnapshot s = read(root);
        assertFalse(s.byPid(811).isPresent());
        assertFalse(s.byPid(9).isPresent());
        assertTrue(s.byPid(812).isPresent(), "the children of a vanished process are still read");
        assertEquals(8, s.size());
    }

    @Test
    void unreadableProcRootIsAnError(@TempDir Path tmp) {
        ProcessReader reader = new ProcessReader(tmp.resolve("no-such-proc"), tmp.resolve("passwd"));
        assertThrows(IOException.class, () -> reader.read(Optional.empty()));
    }
}
