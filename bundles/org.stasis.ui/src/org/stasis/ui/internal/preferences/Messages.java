package org.stasis.ui.internal.preferences;

import org.eclipse.osgi.util.NLS;

/** Texts of the preference dialog (messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.stasis.ui.internal.preferences.messages"; //$NON-NLS-1$

    public static String Dialog_Title;
    public static String Page_Title;
    public static String Page_Description;
    public static String Group_Checkpoint;
    public static String Group_Restore;
    public static String Group_Engine;
    public static String Folder_Label;
    public static String Folder_Relative;
    public static String Folder_Invalid;
    public static String Browse;
    public static String Stop_Label;
    public static String PidNamespace_Label;
    public static String Helper_Label;
    public static String Helper_Message;
    public static String Helper_NotExecutable;
    public static String Helper_InvalidInUse;
    public static String Helper_NoBundled;
    public static String Helper_InUse;
    public static String Helper_KindChosen;
    public static String Helper_KindBundled;
    public static String Helper_Asking;
    public static String Version_Job;
    public static String Version_Timeout;
    public static String Version_NotStasis;
    public static String Version_NoOutput;
    public static String Save_Failed;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
