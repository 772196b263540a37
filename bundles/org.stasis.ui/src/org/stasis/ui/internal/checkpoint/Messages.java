package org.stasis.ui.internal.checkpoint;

import org.eclipse.osgi.util.NLS;

/** Texts of the checkpoint dialog, its progress and its results (messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.stasis.ui.internal.checkpoint.messages"; //$NON-NLS-1$

    public static String Dialog_ShellTitle;
    public static String Dialog_Title;
    public static String Dialog_Message;
    public static String Dialog_Process;
    public static String Dialog_ProcessValue;
    public static String Dialog_Tree;
    public static String Dialog_TreeAlone;
    public static String Dialog_TreeOne;
    public static String Dialog_TreeValue;
    public static String Dialog_Size;
    public static String Dialog_SizeValue;
    public static String Dialog_Folder;
    public static String Dialog_Browse;
    public static String Dialog_BrowseTitle;
    public static String Dialog_Name;
    public static String Dialog_Free;
    public static String Dialog_FreeValue;
    public static String Dialog_FreeUnknown;
    public static String Dialog_After;
    public static String Dialog_LeaveRunning;
    public static String Dialog_Stop;
    public static String Dialog_CheckingPrivileges;
    public static String Dialog_PrivilegeDetail;
    public static String Dialog_NoPrivilege;
    public static String Dialog_IncludesWorkbench;
    public static String Dialog_Ok;
    public static String Destination_NoFolder;
    public static String Destination_NoName;
    public static String Destination_BadName;
    public static String Destination_BadFolder;
    public static String Destination_RelativeFolder;
    public static String Destination_NotAFolder;
    public static String Destination_NotWritable;
    public static String Destination_NameIsFolder;
    public static String Destination_NoSpace;
    public static String Destination_Replaces;
    public static String Destination_NoExtension;
    public static String Destination_WillCreate;
    public static String Privilege_Job;
    public static String Privilege_HowTo;
    public static String Privilege_KernelHowTo;
    public static String Privilege_CheckFailed;
    public static String Privilege_HelperHowTo;
    public static String Progress_Row;
    public static String Progress_Starting;
    public static String Progress_Freeze;
    public static String Progress_Memory;
    public static String Progress_Write;
    public static String Progress_Cancel;
    public static String Progress_Canceling;
    public static String Job_Name;
    public static String Job_NoFolder;
    public static String Notify_Title;
    public static String Notify_Text;
    public static String Notify_Running;
    public static String Notify_Stopped;
    public static String Notify_Open;
    public static String Failed_Title;
    public static String Failed_Message;
    public static String Failed_NoHelper;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
