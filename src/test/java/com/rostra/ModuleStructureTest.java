package com.rostra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

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
    void moduleBoundariesHoldAndAreDocumented() throws IOException {
        ApplicationModules modules = ApplicationModules.of(RostraApplication.class);
        modules.verify();

        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();
        sortDiagrams();

        assertThat(DOCS.resolve("components.puml")).isNotEmptyFile();
        assertThat(DOCS.resolve("all-docs.adoc")).isNotEmptyFile();
        for (ApplicationModule module : modules) {
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
            assertThat(DOCS.resolve("module-" + module.getIdentifier() + ".adoc")).isNotEmptyFile();
        }
    }

    /**
     * The Documenter lists components and relations in no fixed order (it changes from run to run); sorting each run of
     * {@code Component(...)} and {@code Rel(...)} lines keeps the committed diagrams stable, so a diff means a change.
     */
    private static void sortDiagrams() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(file);
                List<String> sorted = new ArrayList<>();
                for (int i = 0; i < lines.size(); ) {
                    String kind = kind(lines.get(i));
                    int j = i + 1;
                    while (kind != null && j < lines.size() && kind.equals(kind(lines.get(j)))) j++;
                    List<String> block = new ArrayList<>(lines.subList(i, j));
                    if (kind != null) Collections.sort(block);
                    sorted.addAll(block);
                    i = j;
                }
                Files.write(file, sorted);
            }
        }
    }

    private static String kind(String line) {
        String t = line.strip();
        return t.startsWith("Rel(") ? "Rel" : t.startsWith("Component(") ? "Component" : null;
    }
}
