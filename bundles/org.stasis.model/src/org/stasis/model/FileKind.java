package org.stasis.model;

/** What an open file description refers to. */
public enum FileKind implements ModelEnum {
    REGULAR,
    DIRECTORY,
    /** /dev/null, /dev/zero, /dev/random, /dev/urandom */
    CHARDEV,
    /** one end of an anonymous pipe */
    PIPE,
    /** one end of a named pipe */
    FIFO,
    /** a terminal, reattached on restore with --shell-job */
    TTY
}
