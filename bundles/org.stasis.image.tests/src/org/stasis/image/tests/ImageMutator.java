package org.stasis.image.tests;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import org.stasis.image.proto.Image;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Makes a damaged or hostile variant of a seed image: raw byte damage (flips, boundary values,
 * truncation, growth), the same then resealed so it passes the checksums, or a resealed image with
 * one metadata field changed.
 */
final class ImageMutator {

    private static final long[] EDGES = { 0, 1, 3, 4, 8, 31, 32, 64, 65, 255, 256, 4095, 4096, 0x7fffffff, 0xffffffffL,
            Long.MAX_VALUE, -1L, Long.MIN_VALUE };

    /** A parsed seed: its bytes, and its pages and metadata for structured mutations. */
    record Seed(byte[] bytes, byte[] pages, Image meta, int tailStart) {

        static Seed of(byte[] bytes) {
            try {
                byte[] pages = ImageBytes.section(bytes, ImageBytes.PAGES);
                Image meta = Image.parseFrom(ImageBytes.section(bytes, ImageBytes.META));
                return new Seed(bytes, pages, meta, 4096 + pages.length);
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("seed image does not parse", e);
            }
        }
    }

    private ImageMutator() {
    }

    static byte[] mutate(Seed seed, Random r) {
        int kind = r.nextInt(10);
        if (kind < 3) {
            Image.Builder b = seed.meta().toBuilder();
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                MetadataMutator.mutate(b, r);
            }
            return ImageBytes.build(seed.bytes(), seed.pages(), b.build().toByteArray());
        }
        byte[] image = seed.bytes().clone();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            image = damage(image, seed, r);
        }
        return kind < 7 ? ImageBytes.reseal(image) : image;
    }

    private static byte[] damage(byte[] image, Seed seed, Random r) {
        if (image.length == 0) {
            return image;
        }
        int at = offset(image, seed, r);
        switch (r.nextInt(7)) {
            case 0 -> image[at] ^= (byte) (1 << r.nextInt(8));
            case 1 -> image[at] = (byte) r.nextInt(256);
            case 2 -> {
                if (at + 8 <= image.length) {
                    ByteBuffer b = ImageBytes.le(image);
                    long v = EDGES[r.nextInt(EDGES.length)];
                    if (r.nextBoolean()) {
                        b.putLong(at, v);
                    } else {
                        b.putInt(at, (int) v);
                    }
                }
            }
            case 3 -> image = Arrays.copyOf(image, at); // truncate
            case 4 -> image = Arrays.copyOf(image, image.length + 1 + r.nextInt(8192)); // append zeros
            case 5 -> { // cut a range out
                int len = Math.min(image.length - at, 1 + r.nextInt(64));
                byte[] out = new byte[image.length - len];
                System.arraycopy(image, 0, out, 0, at);
                System.arraycopy(image, at + len, out, at, out.length - at);
                image = out;
            }
            default -> { // copy a range over another (a misplaced block)
                int from = offset(image, seed, r);
                int len = Math.min(Math.min(image.length - at, image.length - from), 1 + r.nextInt(64));
                System.arraycopy(image, from, image, at, len);
            }
        }
        return image;
    }

    /** Mostly where the checked structures are (header, then META, PAGE_SUMS and table), sometimes anywhere. */
    private static int offset(byte[] image, Seed seed, Random r) {
        int region = r.nextInt(10);
        if (region < 3) {
            return r.nextInt(Math.min(image.length, 256));
        }
        if (region < 8 && seed.tailStart() < image.length) {
            return seed.tailStart() + r.nextInt(image.length - seed.tailStart());
        }
        return r.nextInt(image.length);
    }
}
