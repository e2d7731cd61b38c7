package com.rostra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module boundaries (no cycles, only module APIs used, each module's declared
 * {@code allowedDependencies}) and, once they hold, writes the module documentation into {@code docs/modules/}:
 * the overview component diagram ({@code components.puml}), one component diagram ({@code module-<name>.puml}) and
 * one canvas ({@code module-<name>.adoc}) per module, and {@code all-docs.adoc} that includes them all. The files are
 * committed: a change of structure shows in the diff.
 */
class ModuleStructureTest {

    static final Path DOCS = Path.of(System.getProperty("basedir", ".")).resolve("docs/modules");

    @Test
    void moduleBoundariesHoldAndAreDocumented() {
        ApplicationModules modules = ApplicationModules.of(RostraApplication.class);
        modules.verify();

        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();

        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
        for (ApplicationModule module : modules) {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        }
    }
}
