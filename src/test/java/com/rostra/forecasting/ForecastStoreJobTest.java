package com.rostra.forecasting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.contacts.Channel;
import com.rostra.support.ApiTest;
import com.rostra.support.Http;
import com.rostra.tenancy.CompanyId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/**
 * The store pass fits and stores every series with history; requests then read the stored fit (nothing is fitted
 * or stored again, even with the in-memory cache empty, as after a restart); an import forgets the company's stored
 * fits at once and the next pass stores fits of the new volume, refitting only the series whose history changed.
 */
class ForecastStoreJobTest extends ApiTest {

    private static final java.time.ZoneId UTC = java.time.ZoneId.of("UTC");

    @Autowired
    ForecastStoreJob job;

    @Autowired
    Forecasts forecasts;

    @Autowired
    PlatformTransactionManager transactions;

    private int storedRows(TestCompany company) {
        return jdbc.sql("select count(*) from stored_forecasts where company_id = ? and origin = ? and stale = false")
                .params(company.id(), today(ZoneOffset.UTC)).query(Integer.class).single();
    }

    private Instant fittedAt(TestCompany company) {
        return fittedAt(company, "phone");
    }

    private Instant fittedAt(TestCompany company, String channel) {
        return jdbc.sql("select fitted_at from stored_forecasts where company_id = ? and queue_key = 0 and channel = ? and origin = ? and stale = false")
                .params(company.id(), channel, today(ZoneOffset.UTC)).query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private double tomorrow(TestCompany company) {
        LocalDate d = today(ZoneOffset.UTC).plusDays(1);
        Http.Response r = http.get("/api/v1/forecasts?channel=phone&interval=1d&start=" + d + "&end=" + d.plusDays(1), company.auth());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("intervals").get(0).get("volume").asDouble();
    }

    @Test
    void requestsReadStoredFitsAndAnImportRefitsTheSeriesItTouched() {
        TestCompany company = newCompany("UTC");
        CompanyId id = new CompanyId(company.id());
        LocalDate today = today(ZoneOffset.UTC);
        Http.Response imported = http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv",
                ForecastIntradayApiTest.history(today, 5, 10, 10, today.atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        assertThat(job.refit(id, UTC, true)).as("all channels and phone; no queues, no other channel").isEqualTo(2);
        assertThat(storedRows(company)).isEqualTo(2);
        Instant fitted = fittedAt(company);
        assertThat(job.refit(id, UTC, false)).as("nothing changed since the last pass").isZero();

        forecasts.clearMemory();
        assertThat(tomorrow(company)).isCloseTo(400.0, offset(0.5));
        assertThat(fittedAt(company)).as("read from the store, not fitted again").isEqualTo(fitted);
        assertThat(storedRows(company)).isEqualTo(2);

        // Late data: the import forgets the stored fits at once; the next pass fits the new volume.
        StringBuilder csv = new StringBuilder("interval_start,queue_id,channel,count\n");
        for (LocalDate d = today.minusWeeks(5); d.isBefore(today); d = d.plusDays(1)) {
            csv.append(d.atTime(12, 0).toInstant(ZoneOffset.UTC)).append(",,phone,50\n");
        }
        assertThat(http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv", csv.toString()).status()).isEqualTo(200);
        // (the background pass, once a minute, may have refitted already: then its fits are newer)
        assertThat(storedRows(company) == 0 || fittedAt(company).isAfter(fitted)).as("forgotten with the import").isTrue();
        assertThat(job.refit(id, UTC, false)).as("data just arrived: the pass waits for it to settle").isZero();
        job.refit(id, UTC, true);
        assertThat(storedRows(company)).isEqualTo(2);
        forecasts.clearMemory();
        assertThat(tomorrow(company)).as("the stored fit has the new volume").isCloseTo(440.0, offset(0.5));

        // Late data of one channel: only the series it touches (email, all channels) are fitted again; phone keeps
        // its fit, taken back unchanged.
        forecasts.clearMemory();
        Instant phoneFitted = fittedAt(company);
        Instant allFitted = fittedAt(company, "all");
        StringBuilder email = new StringBuilder("interval_start,queue_id,channel,count\n");
        for (LocalDate d = today.minusWeeks(5); d.isBefore(today); d = d.plusDays(1)) {
            email.append(d.atTime(10, 0).toInstant(ZoneOffset.UTC)).append(",,email,20\n");
        }
        assertThat(http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv", email.toString()).status()).isEqualTo(200);
        assertThat(job.refit(id, UTC, true)).as("all channels, email, phone").isEqualTo(3);
        assertThat(storedRows(company)).isEqualTo(3);
        assertThat(fittedAt(company)).as("phone: unchanged history, the fit is kept").isEqualTo(phoneFitted);
        assertThat(fittedAt(company, "all")).as("all channels: fitted again").isAfter(allFitted);
        assertThat(fittedAt(company, "email")).as("email: new").isAfter(allFitted);
        forecasts.clearMemory();
        assertThat(tomorrow(company)).as("the kept phone fit").isCloseTo(440.0, offset(0.5));

        TestCompany empty = newCompany("UTC");
        assertThat(job.refit(new CompanyId(empty.id()), UTC, true)).as("no history, nothing stored").isZero();
        assertThat(storedRows(empty)).isZero();
    }

    /**
     * A fit stored while a caller's transaction is open (publishing a forecast fits series after series in one) is
     * committed at once: another thread marking the company's fits stale does not wait for the caller. It did, and
     * with the fit lock held on both sides a publish and a schedule generation hung each other (CI, PostgreSQL).
     */
    @Test
    void aFitStoredInsideACallersTransactionHoldsNoRowForOthers() {
        TestCompany company = newCompany("UTC");
        CompanyId id = new CompanyId(company.id());
        LocalDate today = today(ZoneOffset.UTC);
        Http.Response imported = http.postRaw("/api/v1/volume/import?interval_minutes=15", company.auth(), "text/csv",
                ForecastIntradayApiTest.history(today, 5, 10, 10, today.atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        Forecasts.Series phone = new Forecasts.Series(id, null, Channel.PHONE);
        forecasts.fit(phone, today, 14, UTC);
        forecasts.forgetFits(id);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            forecasts.fit(phone, today, 14, UTC); // replaces the stale row: deletes it and inserts the new fit
            java.util.concurrent.CompletableFuture<Void> other = java.util.concurrent.CompletableFuture.runAsync(() -> forecasts.forgetFits(id));
            assertThat(other).as("another thread's write to the company's fits, while this transaction is open")
                    .succeedsWithin(java.time.Duration.ofSeconds(10));
        });
        assertThat(storedRows(company)).as("the fit was stored, then marked stale by the other thread").isZero();
    }
}
