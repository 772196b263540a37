package org.stasis.model.internal;

import java.util.List;
import java.util.StringJoiner;

/**
 * Names the bits of a flag word the way strace does: "SA_RESTART|SA_SIGINFO", with any bit it does
 * not know as a hexadecimal remainder, so that nothing set is ever hidden.
 */
public final class FlagSet {

    /** A named bit, or several bits that only mean that name together (O_SYNC). */
    public record Flag(long mask, String name) {
    }

    private final List<Flag> flags;

    /** @param flags checked in this order; put multi-bit flags before the single bits they contain */
    public FlagSet(List<Flag> flags) {
        this.flags = List.copyOf(flags);
    }

    public static Flag flag(long mask, String name) {
        return new Flag(mask, name);
    }

    /** @return the names of the flags set in value, joined by '|'; "" for 0 */
    public String decode(long value) {
        StringJoiner names = new StringJoiner("|"); //$NON-NLS-1$
        long rest = value;
        for (Flag flag : flags) {
            if ((rest & flag.mask()) == flag.mask()) {
                names.add(flag.name());
                rest &= ~flag.mask();
            }
        }
        if (rest != 0) {
            names.add("0x" + Long.toHexString(rest)); //$NON-NLS-1$
        }
        return names.toString();
    }
}
