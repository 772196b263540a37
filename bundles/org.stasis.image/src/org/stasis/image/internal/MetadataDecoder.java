package org.stasis.image.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.stasis.image.ImageFormatException;
import org.stasis.image.Section;
import org.stasis.image.proto.Image;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

/** Reads, checks and decodes META into a {@code stasis.Image}; the content rules are {@link MetadataRules}'s. */
final class MetadataDecoder {

    /**
     * Worst case of protobuf-java's heap per byte of input: a stream of empty nested messages costs
     * two bytes each on the wire and some 50 bytes each as objects. Refusing what cannot fit turns
     * a hostile META into a message instead of an OutOfMemoryError in the workbench.
     */
    private static final long HEAP_PER_META_BYTE = 64;

    private MetadataDecoder() {
    }

    static Image decode(ImageSource source, Section meta) throws IOException {
        SectionReader.checkLength(source, meta, Layout.META_MAX);
        checkHeap(source, meta);
        ByteBuffer bytes = SectionReader.read(source, meta, Layout.META_MAX);
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setSizeLimit((int) meta.length());
        try {
            Image image = Image.parseFrom(in);
            if (!in.isAtEnd()) {
                // parsing stops at a stray end-group tag; what follows would be silently lost
                throw invalid(source, meta, "an end-group tag at byte " + (meta.offset() + in.getTotalBytesRead())
                        + " ends the message early", null);
            }
            return image;
        } catch (InvalidProtocolBufferException e) {
            throw invalid(source, meta, e.getMessage(), e);
        } catch (RuntimeException e) {
            // protobuf-java documents only InvalidProtocolBufferException, but a reader of hostile
            // input must not let any other failure escape as a crash
            throw invalid(source, meta, e.toString(), e);
        }
    }

    private static void checkHeap(ImageSource source, Section meta) throws ImageFormatException {
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (meta.length() > available / HEAP_PER_META_BYTE) {
            throw new ImageFormatException(source.name(), meta.offset(), "the META section is " + meta.length()
                    + " bytes; decoding it could need " + (meta.length() * HEAP_PER_META_BYTE >> 20)
                    + " MiB, more than this Java VM has free (" + (available >> 20) + " MiB; raise -Xmx)");
        }
    }

    private static ImageFormatException invalid(ImageSource source, Section meta, String why, Throwable cause) {
        return new ImageFormatException(source.name(), meta.offset(), "the META section (bytes " + meta.offset() + ".."
                + (meta.end() - 1) + ") is not a valid stasis.Image message: " + why, cause);
    }
}
