package com.rostra.gladly;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path agrees with java.time on every shape it accepts and declines the rest. */
class ReportTimesTest {

    @Test
    void agreesWithJavaTimeOnRandomTimesInEveryShape() {
        SplittableRandom r = new SplittableRandom(7);
        DateTimeFormatter space = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(r.nextLong(0, 4_102_444_800L), r.nextInt(0, 1_000_000_000));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(r.nextInt(-12 * 60, 14 * 60 + 1) * 60);
            List<String> shapes = List.of(t.toString(), OffsetDateTime.ofInstant(t, offset).toString(),
                    LocalDateTime.ofInstant(t, ZoneOffset.UTC).format(space));
            for (String s : shapes) {
                Instant expected = s.contains(" ") ? LocalDateTime.parse(s, space).toInstant(ZoneOffset.UTC) : OffsetDateTime.parse(s).toInstant();
                assertThat(ReportTimes.parse(s)).as(s).isEqualTo(expected);
            }
        }
    }

    @Test
    void declinesWhatItDoesNotKnow() {
        for (String s : List.of("", "yesterday", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-01-01T10:00:00",
                "2026-01-01T25:00:00Z", "2026-01-01T10:00:00.Z", "2026-01-01T10:00:00+0", "2026-01-01T10:00:00Zulu")) {
            assertThat(ReportTimes.parse(s)).as(s).isNull();
        }
        assertThat(ReportTimes.parse("2026-01-01T10:00:00+0530")).isEqualTo(Instant.parse("2026-01-01T04:30:00Z"));
        assertThat(ReportTimes.parse("2026-01-01T10:00:00-03")).isEqualTo(Instant.parse("2026-01-01T13:00:00Z"));
    }
}
