package org.stasis.model;

/** Whether a process of the image was running or a zombie its parent had not reaped yet. */
public enum ProcessState implements ModelEnum {
    ALIVE,
    /** dead but not reaped: restore recreates it as a zombie with its exit status */
    ZOMBIE
}
