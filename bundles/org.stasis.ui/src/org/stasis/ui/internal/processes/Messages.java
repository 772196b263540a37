package org.stasis.ui.internal.processes;

import org.eclipse.osgi.util.NLS;

/** Texts of the Processes view (messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.stasis.ui.internal.processes.messages"; //$NON-NLS-1$

    public static String Column_Pid;
    public static String Column_Command;
    public static String Column_User;
    public static String Column_State;
    public static String Column_Threads;
    public static String Column_Rss;
    public static String Column_Cpu;
    public static String Column_Started;

    public static String Filter_Message;
    public static String Filter_Tooltip;

    public static String Status_Loading;
    public static String Status_All;
    public static String Status_Filtered;
    public static String Status_Failed;

    public static String Action_Checkpoint;
    public static String Action_CheckpointMenu;
    public static String Action_CheckpointTooltip;

    public static String State_Running;
    public static String State_Sleeping;
    public static String State_DiskSleep;
    public static String State_Zombie;
    public static String State_Stopped;
    public static String State_TracingStop;
    public static String State_Dead;
    public static String State_Idle;
    public static String State_Other;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }

    /** @return a word for a /proc state letter, e.g. "sleeping" for S */
    public static String state(char letter) {
        return switch (letter) {
            case 'R' -> State_Running;
            case 'S' -> State_Sleeping;
            case 'D' -> State_DiskSleep;
            case 'Z' -> State_Zombie;
            case 'T' -> State_Stopped;
            case 't' -> State_TracingStop;
            case 'X', 'x' -> State_Dead;
            case 'I' -> State_Idle;
            default -> NLS.bind(State_Other, String.valueOf(letter));
        };
    }
}
