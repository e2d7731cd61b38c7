package com.rostra;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleStructureTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(RostraApplication.class).verify();
    }
}
