package org.stasis.model.internal;

import static org.stasis.model.internal.FlagSet.flag;

import java.util.ArrayList;
import java.util.List;

/** Signal names and sigaction decoding for Linux (x86_64 and the generic numbering of aarch64). */
@SuppressWarnings("nls") // kernel names
public final class Signals {

    private static final String[] STANDARD = { "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT",
            "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
            "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
            "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS" };

    /*
     * Real-time signals are named as glibc programs and `kill -l` see them: the kernel's 32 and 33
     * are taken by glibc for itself, so SIGRTMIN is 34; the lower half counts up from SIGRTMIN, the
     * upper half down from SIGRTMAX, exactly as bash's `kill -l` prints them.
     */
    private static final int RTMIN = 34;
    private static final int RTMAX = 64;
    private static final int RTMID = RTMIN + (RTMAX - RTMIN) / 2;

    private static final long SIG_DFL = 0;
    private static final long SIG_IGN = 1;

    private static final FlagSet SA_FLAGS = new FlagSet(List.of(
            flag(0x00000001L, "SA_NOCLDSTOP"), flag(0x00000002L, "SA_NOCLDWAIT"), flag(0x00000004L, "SA_SIGINFO"),
            flag(0x00000400L, "SA_UNSUPPORTED"), flag(0x00000800L, "SA_EXPOSE_TAGBITS"),
            flag(0x04000000L, "SA_RESTORER"), flag(0x08000000L, "SA_ONSTACK"), flag(0x10000000L, "SA_RESTART"),
            flag(0x40000000L, "SA_NODEFER"), flag(0x80000000L, "SA_RESETHAND")));

    private Signals() {
    }

    /** @return "SIGINT", "SIGRTMIN+3", "SIGRTMAX", or "SIG32" for numbers without a name */
    public static String name(int signal) {
        if (signal >= 1 && signal <= STANDARD.length) {
            return STANDARD[signal - 1];
        }
        if (signal >= RTMIN && signal <= RTMID) {
            return signal == RTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (signal - RTMIN);
        }
        if (signal > RTMID && signal <= RTMAX) {
            return signal == RTMAX ? "SIGRTMAX" : "SIGRTMAX-" + (RTMAX - signal);
        }
        return "SIG" + signal;
    }

    /** @return the names of the signals in a sigset mask (bit n stands for signal n+1) */
    public static List<String> names(long mask) {
        List<String> names = new ArrayList<>(Long.bitCount(mask));
        for (int bit = 0; bit < Long.SIZE; bit++) {
            if ((mask & (1L << bit)) != 0) {
                names.add(name(bit + 1));
            }
        }
        return names;
    }

    /** @return "SA_RESTART|SA_SIGINFO" */
    public static String actionFlags(long flags) {
        return SA_FLAGS.decode(flags);
    }

    /** @return "SIG_DFL", "SIG_IGN", or the handler's address in hex */
    public static String handler(long handler) {
        if (handler == SIG_DFL) {
            return "SIG_DFL";
        }
        return handler == SIG_IGN ? "SIG_IGN" : "0x" + Long.toHexString(handler);
    }
}
