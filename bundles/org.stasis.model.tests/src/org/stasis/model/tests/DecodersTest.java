package org.stasis.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stasis.model.VmaKind;
import org.stasis.model.internal.FileFlags;
import org.stasis.model.internal.Limits;
import org.stasis.model.internal.Mappings;
import org.stasis.model.internal.Signals;

@SuppressWarnings("nls")
class DecodersTest {

    @Test
    void signalNamesFollowKillDashL() {
        assertEquals("SIGHUP", Signals.name(1));
        assertEquals("SIGKILL", Signals.name(9));
        assertEquals("SIGSYS", Signals.name(31));
        assertEquals("SIG32", Signals.name(32));
        assertEquals("SIG33", Signals.name(33));
        assertEquals("SIGRTMIN", Signals.name(34));
        assertEquals("SIGRTMIN+3", Signals.name(37));
        assertEquals("SIGRTMIN+15", Signals.name(49));
        assertEquals("SIGRTMAX-14", Signals.name(50));
        assertEquals("SIGRTMAX", Signals.name(64));
        assertEquals("SIG0", Signals.name(0));
        assertEquals("SIG65", Signals.name(65));
    }

    @Test
    void signalMasks() {
        assertEquals(List.of(), Signals.names(0));
        assertEquals(List.of("SIGINT", "SIGKILL"), Signals.names((1L << 1) | (1L << 8)));
        assertEquals(64, Signals.names(-1L).size());
        assertEquals("SIGRTMAX", Signals.names(Long.MIN_VALUE).get(0));
    }

    @Test
    void sigactionFlagsAndHandlers() {
        assertEquals("SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_NODEFER|SA_RESETHAND",
                Signals.actionFlags(0x04000000L | 0x08000000L | 0x10000000L | 0x40000000L | 0x80000000L));
        assertEquals("SA_NOCLDSTOP|0x20000", Signals.actionFlags(0x1 | 0x20000));
        assertEquals("SIG_DFL", Signals.handler(0));
        assertEquals("SIG_IGN", Signals.handler(1));
        assertEquals("0x7f12ab", Signals.handler(0x7f12ab));
    }

    @Test
    void openFlags() {
        assertEquals("O_RDONLY", FileFlags.decode(0));
        assertEquals("O_RDWR|O_CREAT|O_TRUNC", FileFlags.decode(02 | 0100 | 01000));
        assertEquals("O_WRONLY|O_SYNC", FileFlags.decode(01 | 04010000));
        assertEquals("O_RDONLY|O_DSYNC", FileFlags.decode(010000));
        assertEquals("O_RDONLY|O_DIRECTORY|O_CLOEXEC", FileFlags.decode(0200000 | 02000000));
        assertEquals("O_RDONLY|0x40000000", FileFlags.decode(0x40000000));
        assertEquals("O_ACCMODE", FileFlags.decode(3));
    }

    @Test
    void protectionStrings() {
        assertEquals("r-xp", Mappings.protection(5, 2, VmaKind.FILE_PRIVATE));
        assertEquals("---p", Mappings.protection(0, 2, VmaKind.ANON_PRIVATE));
        assertEquals("rwxs", Mappings.protection(7, 0, VmaKind.FILE_SHARED));
        assertEquals("r--s", Mappings.protection(1, 1, VmaKind.ANON_PRIVATE));
        assertEquals("MAP_SHARED|MAP_ANONYMOUS", Mappings.flags(0x21));
        assertEquals("", Mappings.flags(0));
    }

    @Test
    void limitNames() {
        assertEquals("RLIMIT_CPU", Limits.rlimit(0, ""));
        assertEquals("RLIMIT_RTTIME", Limits.rlimit(15, "rttime"));
        assertEquals("RLIMIT_FUTURE", Limits.rlimit(16, "future"));
        assertEquals("RLIMIT_42", Limits.rlimit(42, ""));
        assertEquals("ITIMER_PROF", Limits.itimer(2));
        assertEquals("ITIMER_9", Limits.itimer(9));
    }
}
