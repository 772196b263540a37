package org.stasis.image.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.stasis.image.ImageFormatException;
import org.stasis.image.MemoryBytes;
import org.stasis.image.internal.ImageReader;
import org.stasis.image.internal.MemorySource;
import org.stasis.image.internal.ProcessPages;
import org.stasis.image.proto.Process;
import org.stasis.image.proto.Vma;

/**
 * Seeded mutation fuzzing of the reader: every variant of a seed image must either open or be
 * refused with {@link ImageFormatException}; any other exception, an error or a hang fails. A
 * failure names the iteration; rerun it with -Dstasis.fuzz.seed and -Dstasis.fuzz.iterations.
 */
class ImageFuzzTest {

    private static final long SEED = Long.getLong("stasis.fuzz.seed", 0x57a515L);
    private static final int ITERATIONS = Integer.getInteger("stasis.fuzz.iterations", 100_000);

    @Test
    void everyMutatedImageOpensOrIsRefused() {
        List<ImageMutator.Seed> seeds = Corpus.images().stream().map(Corpus::bytes).map(ImageMutator.Seed::of).toList();
        int[] outcome = new int[2]; // opened, refused
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                Random r = new Random(SEED * 1_000_003L + i);
                byte[] image = ImageMutator.mutate(seeds.get(r.nextInt(seeds.size())), r);
                try {
                    openAndUse(image, i);
                    outcome[0]++;
                } catch (ImageFormatException e) {
                    assertTrue(e.getMessage().startsWith("image fuzz#" + i), e.getMessage());
                    outcome[1]++;
                } catch (Throwable t) {
                    fail("iteration " + i + " (seed " + SEED + ") failed with " + t + " instead of ImageFormatException", t);
                }
            }
        }, () -> "hang or too slow; see the last iteration in the log");
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("image fuzz: %d mutated images in %d ms (%d opened, %d refused), seed %d%n", ITERATIONS, ms,
                outcome[0], outcome[1], SEED);
        assertTrue(outcome[0] > 0, "no mutated image opened: the mutations never reach past the checksums");
        assertFalse(outcome[1] == 0, "no mutated image was refused");
    }

    /** Opening is the main target; an image that opens must also survive page checks and reads. */
    private static void openAndUse(byte[] image, int i) throws Exception {
        ImageReader.Opened opened = ImageReader.read(new MemorySource("fuzz#" + i, image));
        opened.pages().verifyAll(null);
        for (Process p : opened.metadata().getProcessesList()) {
            ProcessPages pages = new ProcessPages(opened.pages(), p);
            for (Vma v : p.getMm().getVmasList()) {
                long size = v.getEnd() - v.getStart(); // unsigned: a hostile VMA may span more than 2^63
                MemoryBytes bytes = pages.read(v.getStart(), Long.compareUnsigned(size, 8192) < 0 ? (int) size : 8192);
                bytes.isComplete();
            }
        }
    }
}
