package org.stasis.ui.internal.restore;

import org.eclipse.osgi.util.NLS;

/** Texts of the restore wizard (messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.stasis.ui.internal.restore.messages"; //$NON-NLS-1$

    public static String Wizard_Title;

    public static String Image_Title;
    public static String Image_Description;
    public static String Image_File;
    public static String Image_Browse;
    public static String Image_BrowseTitle;
    public static String Image_Filter;
    public static String Image_AllFiles;
    public static String Image_Recent;
    public static String Image_NoRecent;
    public static String Image_Missing;

    public static String Preflight_Title;
    public static String Preflight_Description;
    public static String Preflight_Running;
    public static String Preflight_Job;
    public static String Preflight_Again;
    public static String Preflight_Failed;
    public static String Preflight_Blocked;
    public static String Preflight_Warnings;
    public static String Preflight_AllGood;
    public static String Preflight_ColCheck;
    public static String Preflight_ColStatus;
    public static String Preflight_ColExplanation;
    public static String Status_Ok;
    public static String Status_Warning;
    public static String Status_Error;

    public static String Options_Title;
    public static String Options_Description;
    public static String Options_Pids;
    public static String Options_OriginalPids;
    public static String Options_PidNamespace;
    public static String Options_PidsTaken;
    public static String Options_Attach;
    public static String Options_Detached;
    public static String Options_Terminal;
    public static String Options_NoTerminalEmulator;
    public static String Options_Output;
    public static String Options_OutputNone;
    public static String Options_OutputSome;
    public static String Options_OutputFile;
    public static String Options_OutputNull;
    public static String Options_OutputKeep;
    public static String Options_OutputKeepDetached;
    public static String Options_OutputBrowse;
    public static String Options_OutputFileMissing;

    public static String Job_Restore;
    public static String Job_Memory;
    public static String Job_Terminal;
    public static String Error_Title;
    public static String Error_Restore;
    public static String Error_Terminal;
    public static String Error_TerminalEnded;
    public static String Error_TerminalSaidNothing;

    public static String Handler_NoHelper;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
