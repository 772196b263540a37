package org.stasis.model;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;

/** The root of a schedules file: every checkpoint schedule of one user, each with its history. */
@SuppressWarnings("nls") // feature names
public final class ScheduleBook extends ModelObject {

    private static final EClass CLASS = StasisPackage.eClass("ScheduleBook");
    private static final EReference SCHEDULES = reference(CLASS, "schedules");

    public ScheduleBook() {
        super(CLASS);
    }

    public EList<CheckpointSchedule> getSchedules() {
        return getList(SCHEDULES);
    }
}
