package org.stasis.image.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stasis.image.ImageFormatException;
import org.stasis.image.StasisImage;
import org.stasis.image.VerifyResult;
import org.stasis.image.internal.ImageReader;
import org.stasis.image.internal.MemorySource;
import org.stasis.image.proto.Image;
import org.stasis.image.proto.PageRun;

import com.google.protobuf.InvalidProtocolBufferException;

/** Damaged and hostile images are refused with a message that says what and where. */
class CorruptImageTest {

    @TempDir
    Path dir;

    private final byte[] seed = Corpus.bytes(Corpus.sleep());

    @Test
    void seedOpens() throws IOException {
        try (StasisImage image = StasisImage.open(Corpus.sleep())) {
            assertEquals(seed.length, image.header().fileSize());
            assertTrue(image.verifyAll(null).ok());
            assertEquals("sleep", image.metadata().getProcesses(0).getComm());
        }
    }

    @Test
    void everyTruncationIsRefused() {
        for (int len = 0; len < seed.length; len += len < 4096 ? 1 : 509) {
            assertFalse(refused(Arrays.copyOf(seed, len)).isEmpty());
        }
        assertTrue(refused(Arrays.copyOf(seed, seed.length - 1)).contains("truncated"));
    }

    @Test
    void everyByteFlipInHeaderTableAndMetaIsRefused() {
        ImageBytes.Entry meta = ImageBytes.entry(seed, ImageBytes.META);
        ImageBytes.Entry sums = ImageBytes.entry(seed, ImageBytes.PAGE_SUMS);
        int tableAt = ImageBytes.entries(seed).get(0).at();
        for (int at = 0; at < seed.length; at++) {
            boolean checked = at < 256 || at >= meta.offset() && at < meta.offset() + meta.length()
                    || at >= sums.offset() && at < sums.offset() + sums.length() || at >= tableAt;
            if (checked) { // every checked byte, reserved ones included, is covered by a CRC
                byte[] image = seed.clone();
                image[at] ^= 0x10;
                String message = refused(image);
                assertTrue(message.contains("(byte "), "flip at " + at + " names no offset: " + message);
            }
        }
    }

    @Test
    void headerFlipNamesTheHeader() {
        byte[] image = seed.clone();
        image[100] ^= 1;
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> open(image));
        assertTrue(e.getMessage().contains("header checksum mismatch"), e.getMessage());
        assertEquals(252, e.offset());
    }

    @Test
    void pageFlipIsCaughtByVerification() throws IOException {
        ImageBytes.Entry pages = ImageBytes.entry(seed, ImageBytes.PAGES);
        byte[] image = seed.clone();
        image[(int) pages.offset() + 5000] ^= 1;
        Path file = write(image);
        try (StasisImage opened = StasisImage.open(file)) { // opening does not read pages
            VerifyResult result = opened.verifyAll(null);
            assertFalse(result.ok());
            assertEquals(1, result.damaged().size());
            assertEquals(pages.offset(), result.damaged().get(0).fileOffset());
            ImageFormatException e = assertThrows(ImageFormatException.class, () -> opened.verifyPages(4096, 4096));
            assertTrue(e.getMessage().contains("page data is damaged: chunk 0"), e.getMessage());
            assertThrows(ImageFormatException.class, () -> opened.readPages(0, 16));
        }
    }

    @Test
    void newerMajorVersionSaysUpgrade() {
        byte[] image = seed.clone();
        ImageBytes.le(image).putShort(ImageBytes.H_MAJOR, (short) 2);
        assertTrue(refused(ImageBytes.reseal(image)).contains("image format 2.0 is newer than this Stasis (1.x): upgrade Stasis"));
    }

    @Test
    void newerMinorVersionIsRead() throws IOException {
        byte[] image = seed.clone();
        ImageBytes.le(image).putShort(ImageBytes.H_MAJOR + 2, (short) 7);
        assertEquals("1.7", ImageReader.read(new MemorySource("minor", ImageBytes.reseal(image))).header().formatVersion());
    }

    @Test
    void textModeCopyIsNamed() {
        byte[] image = new byte[seed.length - 1];
        System.arraycopy(seed, 0, image, 0, 4);
        System.arraycopy(seed, 5, image, 4, image.length - 4); // CR LF became LF
        assertTrue(refused(image).contains("copied in text mode"));
    }

    @Test
    void unfinishedTemporaryFileIsNamed() {
        assertTrue(refused(new byte[8192]).contains("unfinished temporary file"));
    }

    @Test
    void hugeTableFieldsAreRefused() {
        assertTrue(withHeader(b -> b.putInt(ImageBytes.H_TABLE_COUNT, -1)).contains("section count 4294967295"));
        assertTrue(withHeader(b -> b.putInt(ImageBytes.H_TABLE_ENTSZ, 1 << 30)).contains("entry size"));
        assertTrue(withHeader(b -> b.putLong(ImageBytes.H_TABLE_OFF, -8)).contains("does not fit"));
        assertTrue(withHeader(b -> b.putLong(ImageBytes.H_FILE_SIZE, Long.MAX_VALUE)).contains("truncated"));
        assertTrue(withHeader(b -> b.putInt(ImageBytes.H_SIZE, -4)).contains("header size"));
    }

    @Test
    void hugeSectionLengthIsRefused() {
        ImageBytes.Entry meta = ImageBytes.entry(seed, ImageBytes.META);
        byte[] image = seed.clone();
        ImageBytes.le(image).putLong(meta.at() + 16, Long.MAX_VALUE);
        String message = refused(ImageBytes.reseal(image));
        assertTrue(message.contains("ends past the end of the file"), message);
    }

    @Test
    void hugePageRunsAreRefused() throws Exception {
        assertTrue(withRun(r -> r.setCount(1L << 62)).contains("more pages than the vma holds"));
        assertTrue(withRun(r -> r.setOffset(-4096L)).contains("ends beyond the PAGES section"));
        assertTrue(withRun(r -> r.setAddress(-4096L)).contains("outside the vma"));
        assertTrue(withRun(r -> r.setOffset(1 << 30)).contains("ends beyond the PAGES section"));
        assertTrue(withRun(r -> r.setCount(0)).contains("empty or not page aligned"));
    }

    @Test
    void hostileMetadataIsRefused() throws Exception {
        Image meta = Image.parseFrom(ImageBytes.section(seed, ImageBytes.META));
        assertTrue(withMeta(meta.toBuilder().clearProcesses().build()).contains("no processes"));
        assertTrue(withMeta(meta.toBuilder().addProcesses(meta.getProcesses(0)).build()).contains("appears twice"));
        assertTrue(withMeta(meta.toBuilder().setRootPid(4_194_305).build()).contains("root pid"));
        assertTrue(withMeta(meta.toBuilder().setProcesses(0, meta.getProcesses(0).toBuilder().setPid(0)).build())
                .contains("out of range"));
        assertTrue(withMeta(meta.toBuilder().setProcesses(0, meta.getProcesses(0).toBuilder().clearThreads()).build())
                .contains("no threads"));
    }

    @Test
    void unknownEnumValueIsRefused() throws Exception {
        byte[] metaBytes = ImageBytes.section(seed, ImageBytes.META);
        // Process.state (field 5, varint) = 9 appended to the first process: tag 0x28, value 0x09
        Image meta = Image.parseFrom(metaBytes);
        byte[] process = meta.getProcesses(0).toByteArray();
        byte[] patched = Arrays.copyOf(process, process.length + 2);
        patched[process.length] = 0x28;
        patched[process.length + 1] = 0x09;
        Image hostile = meta.toBuilder()
                .setProcesses(0, org.stasis.image.proto.Process.parseFrom(patched)).build();
        assertTrue(withMeta(hostile).contains("unknown process state"));
    }

    @Test
    void garbageMetaIsRefused() {
        byte[] pages = ImageBytes.section(seed, ImageBytes.PAGES);
        String message = refused(ImageBytes.build(seed, pages, new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff }));
        assertTrue(message.contains("not a valid stasis.Image"), message);
    }

    private String withHeader(java.util.function.Consumer<ByteBuffer> change) {
        byte[] image = seed.clone();
        change.accept(ImageBytes.le(image));
        return refused(ImageBytes.reseal(image));
    }

    private String withRun(UnaryOperator<PageRun.Builder> change) throws InvalidProtocolBufferException {
        Image.Builder meta = Image.parseFrom(ImageBytes.section(seed, ImageBytes.META)).toBuilder();
        var vmas = meta.getProcessesBuilder(0).getMmBuilder().getVmasBuilderList();
        var vma = vmas.stream().filter(v -> v.getPagesCount() > 0).findFirst().orElseThrow();
        change.apply(vma.getPagesBuilder(0));
        return withMeta(meta.build());
    }

    private String withMeta(Image meta) {
        return refused(ImageBytes.build(seed, ImageBytes.section(seed, ImageBytes.PAGES), meta.toByteArray()));
    }

    private static String refused(byte[] image) {
        ImageFormatException e = assertThrows(ImageFormatException.class, () -> open(image));
        return e.getMessage();
    }

    private static void open(byte[] image) throws IOException {
        ImageReader.read(new MemorySource("test", image));
    }

    private Path write(byte[] image) throws IOException {
        return Files.write(dir.resolve("image.stasis"), image);
    }
}
