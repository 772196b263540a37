package org.stasis.core.tests.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.core.images.ImageComparison;
import org.stasis.image.StasisImage;
import org.stasis.image.proto.Creds;
import org.stasis.image.proto.FileDescriptor;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.MmState;
import org.stasis.image.proto.OpenFile;
import org.stasis.image.proto.PageRun;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.Rlimit;
import org.stasis.image.proto.Thread;
import org.stasis.image.proto.Vma;
import org.stasis.image.proto.VmaKind;

/** Two hand-made images with known differences, compared for exact entries and counts. */
class ImageComparisonTest {

    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    /**
     * pid 100 lives on: its first mapping grows from 64 to 128 KiB, one of its four shared pages is
     * rewritten, a page stored only before and one stored only after; its stack grows downwards; a
     * library is unmapped and an anonymous mapping appears; fd 3 is closed, fd 4 moves, fd 5 opens;
     * nofile and euid change. pid 200 exits, pid 400 is reused, pid 300 starts.
     */
    @Test
    void findsEveryKindOfChange() throws Exception {
        Image older = Image.newBuilder().setRootPid(100)
                .addProcesses(process(100, 5, mm(vma(0x10000, 0x20000, "", run(0x10000, 4, 0), run(0x18000, 1, 4)),
                        vma(0x50000, 0x51000, "/lib/x.so"), vma(0x7000_0000, 0x7000_2000, "[stack]")))
                        .addFds(fd(3, 1)).addFds(fd(4, 2)).addRlimits(limit(1024)).setCreds(euid(1000)))
                .addProcesses(process(200, 6, MmState.getDefaultInstance()))
                .addProcesses(process(400, 7, MmState.getDefaultInstance()))
                .addFiles(file(1, "/a", 10)).addFiles(file(2, "/b", 5)).build();
        Image newer = Image.newBuilder().setRootPid(100)
                .addProcesses(process(100, 5, mm(vma(0x10000, 0x30000, "", run(0x10000, 4, 0), run(0x20000, 1, 4)),
                        vma(0x60000, 0x62000, ""), vma(0x6fff_f000, 0x7000_2000, "[stack]")))
                        .addFds(fd(4, 2)).addFds(fd(5, 3)).addRlimits(limit(4096)).setCreds(euid(0)))
                .addProcesses(process(400, 9, MmState.getDefaultInstance()))
                .addProcesses(process(300, 10, MmState.getDefaultInstance()))
                .addFiles(file(2, "/b", 50)).addFiles(file(3, "/c", 0)).build();
        byte[] before = pages(5);
        byte[] after = pages(5);
        after[PAGE + 7] ^= 1;

        try (StasisImage a = open("a", older, before); StasisImage b = open("b", newer, after)) {
            ImageComparison c = ImageComparison.compare(a, b, new NullProgressMonitor());

            assertEquals(List.of("PROCESS_GONE 200 python3", "PROCESS_GONE 400 python3", "PROCESS_ADDED 400 python3",
                    "PROCESS_ADDED 300 python3", "VMA_GROWN 100 0x10000-0x30000 [anonymous]",
                    "PAGES_CHANGED 100 0x10000-0x30000 [anonymous]", "VMA_GROWN 100 0x6ffff000-0x70002000 [stack]",
                    "VMA_REMOVED 100 0x50000-0x51000 /lib/x.so", "VMA_ADDED 100 0x60000-0x62000 [anonymous]",
                    "FILE_CLOSED 100 fd 3 /a", "FILE_MOVED 100 fd 4 /b", "FILE_OPENED 100 fd 5 /c",
                    "LIMIT_CHANGED 100 nofile", "CREDENTIALS_CHANGED 100 euid"),
                    c.entries().stream().map(e -> e.kind() + " " + e.pid() + " " + e.subject()).toList());
            assertEquals(new DiffEntry(Kind.PAGES_CHANGED, 100, "0x10000-0x30000 [anonymous]",
                    "3 of 6 stored pages changed", 6, 3), find(c, Kind.PAGES_CHANGED));
            assertEquals("grew from 64.0 KiB to 128.0 KiB", find(c, Kind.VMA_GROWN).detail());
            assertEquals("offset 5 -> 50", find(c, Kind.FILE_MOVED).detail());
            assertEquals("soft 1,024 -> 4,096, hard unlimited (unchanged)", find(c, Kind.LIMIT_CHANGED).detail());
            assertEquals(3, c.changedPages());
            assertTrue(c.sameTree());
            assertEquals("2 processes gone, 2 started; 2 VMAs grown by 68.0 KiB, 1 added, 1 removed; "
                    + "3 pages changed; 1 file opened, 1 closed, 1 moved; 1 limit changed; 1 credential changed",
                    c.summary());
        }
    }

    @Test
    void anImageEqualsItself() throws Exception {
        Image meta = Image.newBuilder().addProcesses(process(100, 5, mm(vma(0x10000, 0x20000, "", run(0x10000, 3, 0)))))
                .build();
        try (StasisImage a = open("a", meta, pages(3)); StasisImage b = open("b", meta, pages(3))) {
            ImageComparison c = ImageComparison.compare(a, b, null);
            assertEquals(List.of(), c.entries());
            assertEquals("no differences", c.summary());
            assertEquals(0, c.changedPages());
        }
    }

    @Test
    void cancelingStopsTheComparison() throws Exception {
        Image meta = Image.newBuilder().addProcesses(process(100, 5, mm(vma(0x10000, 0x20000, "", run(0x10000, 3, 0)))))
                .build();
        NullProgressMonitor canceled = new NullProgressMonitor();
        canceled.setCanceled(true);
        try (StasisImage a = open("a", meta, pages(3))) {
            assertThrows(OperationCanceledException.class, () -> ImageComparison.compare(a, a, canceled));
        }
    }

    private StasisImage open(String name, Image meta, byte[] pages) throws Exception {
        return StasisImage.open(TestImages.write(dir.resolve(name + ".stasis"), meta, pages));
    }

    private static DiffEntry find(ImageComparison c, Kind kind) {
        return c.entries().stream().filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }

    /** count pages, page i filled with the byte i + 1. */
    private static byte[] pages(int count) {
        byte[] data = new byte[count * PAGE];
        for (int i = 0; i < count; i++) {
            Arrays.fill(data, i * PAGE, (i + 1) * PAGE, (byte) (i + 1));
        }
        return data;
    }

    private static Process.Builder process(int pid, long start, MmState mm) {
        return Process.newBuilder().setPid(pid).setPpid(1).setStartTimeTicks(start).setComm("python3")
                .addThreads(Thread.newBuilder().setTid(pid)).setMm(mm);
    }

    private static MmState mm(Vma... vmas) {
        return MmState.newBuilder().addAllVmas(List.of(vmas)).build();
    }

    private static Vma vma(long start, long end, String name, PageRun... runs) {
        VmaKind kind = name.startsWith("/") ? VmaKind.VMA_FILE_PRIVATE : VmaKind.VMA_ANON_PRIVATE;
        return Vma.newBuilder().setStart(start).setEnd(end).setKind(kind).setName(name).addAllPages(List.of(runs))
                .build();
    }

    /** A run of count pages at address, stored from page index firstPage of PAGES. */
    private static PageRun run(long address, int count, int firstPage) {
        return PageRun.newBuilder().setAddress(address).setCount(count).setOffset((long) firstPage * PAGE).build();
    }

    private static FileDescriptor fd(int fd, long file) {
        return FileDescriptor.newBuilder().setFd(fd).setFileId(file).build();
    }

    private static OpenFile file(long id, String path, long pos) {
        return OpenFile.newBuilder().setId(id).setPath(path).setPos(pos).build();
    }

    private static Rlimit limit(long soft) {
        return Rlimit.newBuilder().setResource(7).setName("nofile").setSoft(soft).setHard(-1L).build();
    }

    private static Creds euid(int euid) {
        return Creds.newBuilder().setUid(1000).setEuid(euid).build();
    }
}
