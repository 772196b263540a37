package org.stasis.ui.internal.checkpoints;

import org.eclipse.osgi.util.NLS;

/** Texts of the Checkpoints view (messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.stasis.ui.internal.checkpoints.messages"; //$NON-NLS-1$

    public static String Col_File;
    public static String Col_Process;
    public static String Col_Created;
    public static String Col_Size;
    public static String Col_Parent;
    public static String Col_Folder;
    public static String Process_Text;
    public static String Process_Unreadable;
    public static String Parent_None;

    public static String Action_Open;
    public static String Action_Restore;
    public static String Action_Delete;
    public static String Action_Reveal;
    public static String Action_AddFolder;
    public static String Action_RemoveFolder;
    public static String AddFolder_Title;

    public static String Delete_Title;
    public static String Delete_Question;
    public static String Delete_Confirm;
    public static String Delete_Failed;

    public static String Folders;
    public static String Status_Count;
    public static String Status_Scanning;
    public static String Status_Revealed;
    public static String Status_Copied;
    public static String Status_Deleted;
    public static String Status_NotRemovable;
    public static String Scan_Job;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
