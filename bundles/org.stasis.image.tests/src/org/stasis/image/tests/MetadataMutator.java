package org.stasis.image.tests;

import java.util.List;
import java.util.Random;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * Changes one field somewhere in a metadata tree through protobuf reflection: a boundary value in
 * a number, a duplicated, dropped or emptied list, another enum value. The result is well-formed
 * protobuf, so it reaches the metadata rules, which raw byte flips mostly cannot.
 */
final class MetadataMutator {

    /** Values at the edges of the rules: alignment, pid and signal limits, sign and overflow. */
    private static final long[] EDGES = { 0, 1, 2, 15, 16, 63, 64, 65, 128, 129, 4095, 4096, 4097, 1 << 20,
            (1 << 20) + 1, 4_194_304, 4_194_305, 0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 47, 1L << 52,
            Long.MAX_VALUE, Long.MIN_VALUE, -1L, -4096L, -8192L };

    private MetadataMutator() {
    }

    static void mutate(Message.Builder b, Random r) {
        List<FieldDescriptor> fields = b.getDescriptorForType().getFields();
        FieldDescriptor f = fields.get(r.nextInt(fields.size()));
        int count = f.isRepeated() ? b.getRepeatedFieldCount(f) : 0;
        if (f.isRepeated() && count > 0 && r.nextInt(8) == 0) {
            changeList(b, f, count, r);
        } else if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            if (!f.isRepeated()) {
                mutate(b.getFieldBuilder(f), r);
            } else if (count == 0) {
                b.addRepeatedField(f, b.newBuilderForField(f).build());
            } else {
                mutate(b.getRepeatedFieldBuilder(f, r.nextInt(count)), r);
            }
        } else if (!f.isRepeated()) {
            b.setField(f, value(f, r));
        } else if (count == 0) {
            b.addRepeatedField(f, value(f, r));
        } else {
            b.setRepeatedField(f, r.nextInt(count), value(f, r));
        }
    }

    private static void changeList(Message.Builder b, FieldDescriptor f, int count, Random r) {
        switch (r.nextInt(3)) {
            case 0 -> b.addRepeatedField(f, b.getRepeatedField(f, r.nextInt(count))); // duplicate
            case 1 -> { // swap two elements: breaks "sorted" and "parents first"
                int i = r.nextInt(count);
                int j = r.nextInt(count);
                Object a = b.getRepeatedField(f, i);
                b.setRepeatedField(f, i, b.getRepeatedField(f, j));
                b.setRepeatedField(f, j, a);
            }
            default -> b.clearField(f);
        }
    }

    private static Object value(FieldDescriptor f, Random r) {
        long v = r.nextInt(4) == 0 ? r.nextLong() : EDGES[r.nextInt(EDGES.length)];
        return switch (f.getJavaType()) {
            case INT -> (int) v;
            case LONG -> v;
            case BOOLEAN -> (v & 1) != 0;
            case STRING -> "x".repeat((int) (v & 15));
            case BYTE_STRING -> ByteString.copyFrom(new byte[(int) Math.floorMod(v, 300)]);
            case ENUM -> {
                EnumDescriptor e = f.getEnumType();
                yield e.getValues().get(r.nextInt(e.getValues().size()));
            }
            default -> throw new IllegalStateException("no mutation for " + f);
        };
    }
}
