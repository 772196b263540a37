package org.stasis.model;

/** The three kinds of System V IPC object. */
public enum IpcKind implements ModelEnum {
    SHARED_MEMORY,
    SEMAPHORE_SET,
    MESSAGE_QUEUE
}
