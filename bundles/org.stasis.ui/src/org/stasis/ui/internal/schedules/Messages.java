package org.stasis.ui.internal.schedules;

import org.eclipse.osgi.util.NLS;

/** Texts of the scheduler's dialog and views (messages.properties). */
public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "org.stasis.ui.internal.schedules.messages"; //$NON-NLS-1$

    public static String Menu_CheckpointPeriodically;
    public static String Menu_CheckpointPeriodicallyTooltip;
    public static String Menu_NoScheduler;
    public static String Dialog_ShellTitle;
    public static String Dialog_TitleNew;
    public static String Dialog_TitleEdit;
    public static String Dialog_Message;
    public static String Dialog_Create;
    public static String Dialog_Save;
    public static String Dialog_Problem;
    public static String Dialog_NextRuns;
    public static String Dialog_NoNextRun;
    public static String Dialog_Disabled;
    public static String Dialog_Example;
    public static String Dialog_DiskWarning;
    public static String Dialog_SaveFailed;
    public static String Form_Name;
    public static String Form_Target;
    public static String Form_ByPid;
    public static String Form_ByPattern;
    public static String Form_User;
    public static String Form_AnyUser;
    public static String Form_When;
    public static String Form_ByInterval;
    public static String Form_ByCron;
    public static String Form_CronHint;
    public static String Form_Images;
    public static String Form_Folder;
    public static String Form_Browse;
    public static String Form_KeepLast;
    public static String Form_Hourly;
    public static String Form_Daily;
    public static String Form_Enabled;
    public static String Unit_Seconds;
    public static String Unit_Minutes;
    public static String Unit_Hours;
    public static String Problem_Number;
    public static String Problem_Interval;
    public static String Disk_Looking;
    public static String Disk_Needed;
    public static String Disk_Free;
    public static String Disk_TooLittle;
    public static String Disk_FreeUnknown;
    public static String Disk_NoTarget;
    public static String Every_Second;
    public static String Every_Seconds;
    public static String Every_Minute;
    public static String Every_Minutes;
    public static String Every_Hour;
    public static String Every_Hours;
    public static String Cron_Invalid;
    public static String Target_Pid;
    public static String Target_Pattern;
    public static String Target_PatternUser;
    public static String Result_Ok;
    public static String Result_Skipped;
    public static String Result_Failed;
    public static String LastResult;
    public static String LastResult_Never;
    public static String Owner_Service;
    public static String Owner_Nobody;
    public static String Column_Name;
    public static String Column_Target;
    public static String Column_When;
    public static String Column_NextRun;
    public static String Column_LastResult;
    public static String Column_Images;
    public static String Images_Unknown;
    public static String NextRun_Running;
    public static String NextRun_Disabled;
    public static String NextRun_None;
    public static String Button_New;
    public static String Button_Edit;
    public static String Button_Enable;
    public static String Button_Disable;
    public static String Button_Remove;
    public static String Button_RunNow;
    public static String Button_History;
    public static String Status_Count;
    public static String Status_One;
    public static String Status_NoScheduler;
    public static String Status_FileFailed;
    public static String Status_SaveFailed;
    public static String Status_Running;
    public static String Status_RunRefused;
    public static String Status_Asked;
    public static String Status_RunOk;
    public static String Status_RunNotOk;
    public static String Refresh_Job;
    public static String Probe_Job;
    public static String Remove_Title;
    public static String Remove_Question;
    public static String History_PartLabel;
    public static String History_Summary;
    public static String History_Removed;
    public static String History_Start;
    public static String History_Result;
    public static String History_Duration;
    public static String History_Ms;
    public static String History_Freeze;
    public static String History_Size;
    public static String History_Kind;
    public static String History_Manual;
    public static String History_Planned;
    public static String History_Message;
    public static String Chart_Size;
    public static String Chart_Freeze;
    public static String Chart_Skipped;
    public static String Chart_Failed;
    public static String Chart_NoRuns;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
