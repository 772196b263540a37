package org.stasis.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EcoreFactory;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;
import org.stasis.model.CheckpointSchedule;
import org.stasis.model.ModelObject;
import org.stasis.model.Process;
import org.stasis.model.StasisPackage;

@SuppressWarnings("nls")
class SchemaTest {

    @Test
    void packageIsValidEcore() {
        Diagnostic diagnostic = Diagnostician.INSTANCE.validate(StasisPackage.get());
        assertEquals(Diagnostic.OK, diagnostic.getSeverity(), diagnostic::toString);
        assertEquals(StasisPackage.get(), EPackage.Registry.INSTANCE.getEPackage(StasisPackage.NS_URI));
    }

    @Test
    void everyClassIsCreatedTyped() {
        for (var classifier : StasisPackage.get().getEClassifiers()) {
            if (classifier instanceof EClass eClass) {
                var object = EcoreUtil.create(eClass);
                assertInstanceOf(ModelObject.class, object, eClass.getName());
                assertEquals(eClass.getName(), object.getClass().getSimpleName());
            }
        }
        EClass foreign = EcoreFactory.eINSTANCE.createEClass();
        assertThrows(IllegalArgumentException.class, () -> StasisPackage.get().getEFactoryInstance().create(foreign));
    }

    @Test
    void unsetValuesReadAsDefaults() {
        Process process = new Process();
        assertEquals(0, process.getPid());
        assertEquals("", process.getComm());
        assertTrue(process.getParent().isEmpty());
        assertTrue(process.getCommandLine().isEmpty());
        assertTrue(new CheckpointSchedule().getFolder().isEmpty());
        assertThrows(NullPointerException.class, () -> process.setComm(null));
    }
}
