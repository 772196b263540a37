package org.stasis.core.internal.images;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.stasis.core.images.DiffEntry;
import org.stasis.core.images.DiffEntry.Kind;
import org.stasis.image.proto.Creds;

/** Credentials of one process: one entry per field that changed (setuid, dropped capabilities...). */
final class CredsComparer {

    /** A field as a number (for the entry's values) and as text (for its detail). */
    private record Field(String name, Function<Creds, Long> value, Function<Creds, String> text) {

        static Field id(String name, Function<Creds, Integer> id) {
            return new Field(name, c -> Integer.toUnsignedLong(id.apply(c)), c -> Integer.toUnsignedString(id.apply(c)));
        }

        static Field caps(String name, Function<Creds, Long> caps) {
            return new Field(name, caps, c -> String.format(Locale.ROOT, "0x%x", caps.apply(c))); //$NON-NLS-1$
        }
    }

    private static final List<Field> FIELDS = List.of(Field.id("uid", Creds::getUid), //$NON-NLS-1$
            Field.id("euid", Creds::getEuid), Field.id("suid", Creds::getSuid), Field.id("fsuid", Creds::getFsuid), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            Field.id("gid", Creds::getGid), Field.id("egid", Creds::getEgid), Field.id("sgid", Creds::getSgid), //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
            Field.id("fsgid", Creds::getFsgid), //$NON-NLS-1$
            new Field("groups", c -> (long) c.getGroupsCount(), c -> c.getGroupsList().toString()), //$NON-NLS-1$
            Field.caps("cap_inheritable", Creds::getCapInheritable), Field.caps("cap_permitted", Creds::getCapPermitted), //$NON-NLS-1$ //$NON-NLS-2$
            Field.caps("cap_effective", Creds::getCapEffective), Field.caps("cap_bounding", Creds::getCapBounding), //$NON-NLS-1$ //$NON-NLS-2$
            Field.caps("cap_ambient", Creds::getCapAmbient), //$NON-NLS-1$
            new Field("no_new_privs", c -> c.getNoNewPrivs() ? 1L : 0L, c -> Boolean.toString(c.getNoNewPrivs()))); //$NON-NLS-1$

    private CredsComparer() {
    }

    static void compare(int pid, Creds older, Creds newer, List<DiffEntry> out) {
        for (Field f : FIELDS) {
            String before = f.text().apply(older);
            String after = f.text().apply(newer);
            if (!before.equals(after)) { // text, not value: the groups may change while their count does not
                out.add(new DiffEntry(Kind.CREDENTIALS_CHANGED, pid, f.name(), before + " -> " + after, //$NON-NLS-1$
                        f.value().apply(older), f.value().apply(newer)));
            }
        }
    }
}
