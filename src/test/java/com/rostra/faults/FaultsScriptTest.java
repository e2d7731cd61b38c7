package com.rostra.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench/faults.sh} exits with the fault tests' status, so a failed full-size run fails whoever ran it. Run with
 * a stand-in {@code mvn} first on the PATH that answers as a passing or a failing test run would.
 */
class FaultsScriptTest {

    private static final String STUB_MVN = """
            #!/usr/bin/env bash
            # Compiling succeeds; the test run prints what surefire would (or nothing) and exits as told.
            case " $* " in
              *" surefire:test "*)
                [ -n "$STUB_QUIET" ] || echo "[INFO] Tests run: 2, Failures: $STUB_STATUS, Errors: 0, Skipped: 0"
                exit "$STUB_STATUS" ;;
            esac
            exit 0
            """;

    @TempDir
    Path bin;

    private int run(int mvnStatus, boolean quiet) throws IOException, InterruptedException {
        Path mvn = bin.resolve("mvn");
        Files.writeString(mvn, STUB_MVN, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("bench/faults.sh").toAbsolutePath().toString(), "10", "1", "1")
                .redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("STUB_STATUS", Integer.toString(mvnStatus));
        if (quiet) builder.environment().put("STUB_QUIET", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the script reports the run").contains("faults: 10 events");
        return process.exitValue();
    }

    @Test
    void theScriptExitsWithTheTestsStatus() throws Exception {
        assertThat(run(1, false)).as("failing fault tests fail the script").isEqualTo(1);
        assertThat(run(0, false)).as("passing fault tests").isZero();
        assertThat(run(0, true)).as("passing, with nothing for the output filter to match").isZero();
    }
}
