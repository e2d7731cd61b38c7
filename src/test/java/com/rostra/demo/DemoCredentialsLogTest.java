package com.rostra.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.rostra.RostraApplication;
import com.rostra.support.Http;
import com.rostra.support.PageSession;
import com.rostra.support.TestClocks;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: demo mode shows a generated password and API key once, at the start that generates them. A restart over
 * the same database keeps them and does not print them again; a configured password is never printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoCredentialsLogTest {

    private static final Pattern GENERATED_PASSWORD = Pattern.compile("password  (\\S+)");
    private static final Pattern GENERATED_KEY = Pattern.compile("API key     (rk_\\S+)");
    private static final String ADMIN = "admin@demo.rostra.local";

    /** One demo database for the three starts: an H2 file, as the demo's own under ./data/, reopened by each start. */
    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... extra) {
        String database = "jdbc:h2:file:" + data.resolve("demo") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--rostra.demo.backfill-days=1",
                "--rostra.clock.start-at=" + TestClocks.START, "--spring.datasource.url=" + database,
                "--rostra.gladly.data-dir=" + data,
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--rostra.gladly.encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--logging.level.root=WARN", "--logging.level.com.rostra.demo=INFO"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(RostraApplication.class).profiles("demo").run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static String found(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output);
        assertThat(m.find()).as("printed at the first start: " + pattern).isTrue();
        return m.group(1);
    }

    @Test
    void generatedCredentialsAreShownOnceAndAConfiguredPasswordNever(CapturedOutput output) {
        String password;
        String key;
        try (ConfigurableApplicationContext app = start()) {
            String first = output.getOut();
            assertThat(first).contains("Rostra demo is ready");
            password = found(GENERATED_PASSWORD, first);
            key = found(GENERATED_KEY, first);
            PageSession.signIn(port(app), ADMIN, password);
            assertThat(new Http("http://127.0.0.1:" + port(app)).get("/api/v1/queues", Http.key(key)).status()).isEqualTo(200);
        }

        int before = output.getOut().length();
        try (ConfigurableApplicationContext app = start()) {
            String restart = output.getOut().substring(before);
            assertThat(restart).as("a restart announces the demo").contains("Rostra demo is ready");
            assertThat(restart).as("a restart does not print the credentials again")
                    .doesNotContain(password).doesNotContain(key).doesNotContain("shown this once")
                    .contains("password  the one shown when this demo database was first started")
                    .doesNotContain("API key     rk_");
            assertThat(output.getErr()).doesNotContain(password).doesNotContain(key);
            // ... because it kept them: what was shown once still works.
            PageSession.signIn(port(app), ADMIN, password);
            assertThat(new Http("http://127.0.0.1:" + port(app)).get("/api/v1/queues", Http.key(key)).status()).isEqualTo(200);
        }

        String configured = "configured-demo-password-" + System.nanoTime();
        before = output.getOut().length();
        try (ConfigurableApplicationContext app = start("--rostra.demo.password=" + configured)) {
            String withConfigured = output.getOut().substring(before);
            assertThat(withConfigured).contains("Rostra demo is ready").contains("as set in ROSTRA_DEMO_PASSWORD");
            assertThat(output.toString()).as("a configured password is never printed").doesNotContain(configured);
            PageSession.signIn(port(app), ADMIN, configured);
        }
    }
}
