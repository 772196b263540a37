package org.stasis.model.internal;

import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.impl.EFactoryImpl;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.Credentials;
import org.stasis.model.FileDescriptor;
import org.stasis.model.ITimer;
import org.stasis.model.Image;
import org.stasis.model.IpcObject;
import org.stasis.model.OpenFile;
import org.stasis.model.Pipe;
import org.stasis.model.Process;
import org.stasis.model.Register;
import org.stasis.model.Rlimit;
import org.stasis.model.RunRequest;
import org.stasis.model.ScheduleBook;
import org.stasis.model.ScheduleRun;
import org.stasis.model.SignalDisposition;
import org.stasis.model.Thread;
import org.stasis.model.Vma;

/**
 * Creates every object of the model as its typed class, so that objects loaded from XMI or made by
 * EcoreUtil.create have the same accessors as those made with {@code new}.
 */
final class ModelFactory extends EFactoryImpl {

    private static final Map<String, Supplier<EObject>> TYPES = Map.ofEntries(
            Map.entry("Image", Image::new), //$NON-NLS-1$
            Map.entry("Process", Process::new), //$NON-NLS-1$
            Map.entry("Thread", Thread::new), //$NON-NLS-1$
            Map.entry("Register", Register::new), //$NON-NLS-1$
            Map.entry("Vma", Vma::new), //$NON-NLS-1$
            Map.entry("OpenFile", OpenFile::new), //$NON-NLS-1$
            Map.entry("FileDescriptor", FileDescriptor::new), //$NON-NLS-1$
            Map.entry("Pipe", Pipe::new), //$NON-NLS-1$
            Map.entry("IpcObject", IpcObject::new), //$NON-NLS-1$
            Map.entry("SignalDisposition", SignalDisposition::new), //$NON-NLS-1$
            Map.entry("Rlimit", Rlimit::new), //$NON-NLS-1$
            Map.entry("Credentials", Credentials::new), //$NON-NLS-1$
            Map.entry("ITimer", ITimer::new), //$NON-NLS-1$
            Map.entry("CheckpointSchedule", CheckpointSchedule::new), //$NON-NLS-1$
            Map.entry("ScheduleBook", ScheduleBook::new), //$NON-NLS-1$
            Map.entry("ScheduleRun", ScheduleRun::new), //$NON-NLS-1$
            Map.entry("RunRequest", RunRequest::new)); //$NON-NLS-1$

    @Override
    public EObject create(EClass eClass) {
        Supplier<EObject> type = eClass.getEPackage() == getEPackage() ? TYPES.get(eClass.getName()) : null;
        if (type == null) {
            throw new IllegalArgumentException("not a class of the Stasis model: " + eClass.getName()); //$NON-NLS-1$
        }
        return type.get();
    }

    /**
     * Enum values read from XMI become the Java enum constants, as the setters hold them; EMF's
     * default would give the EEnumLiteral, which the typed attribute refuses.
     */
    @Override
    public Object createFromString(EDataType eDataType, String literalValue) {
        if (eDataType instanceof EEnum eEnum) {
            EEnumLiteral literal = eEnum.getEEnumLiteralByLiteral(literalValue);
            if (literal == null) {
                throw new IllegalArgumentException(literalValue + " is not a " + eEnum.getName()); //$NON-NLS-1$
            }
            return literal.getInstance();
        }
        return super.createFromString(eDataType, literalValue);
    }
}
