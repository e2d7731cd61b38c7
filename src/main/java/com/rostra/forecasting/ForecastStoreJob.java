package com.rostra.forecasting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.rostra.contacts.Channel;
import com.rostra.queues.Queue;
import com.rostra.queues.Queues;
import com.rostra.tenancy.Companies;
import com.rostra.tenancy.Company;
import com.rostra.tenancy.CompanyId;

/**
 * Stored forecasts: every queue × channel series with history is fitted and stored from today's origin, so pages and
 * requirements read a stored forecast instead of fitting per request. A db-scheduler recurring task (one node at a
 * time) checks every minute: a company whose local day turned over (the nightly fit) or whose fits were forgotten
 * (volume imported, contacts of earlier days stored, queue rules or special days changed) has its series refitted.
 */
@Component
class ForecastStoreJob {

    private static final Logger log = LoggerFactory.getLogger(ForecastStoreJob.class);

    private final Forecasts forecasts;
    private final StoredForecasts stored;
    private final Companies companies;
    private final Queues queues;
    private final Clock clock;
    /** Per company: the local day fitted for, and when the pass finished. */
    private final Map<CompanyId, Done> done = new ConcurrentHashMap<>();

    private record Done(LocalDate day, Instant at) {}

    /** A company whose fits were forgotten this recently is refitted on a later pass. */
    static final Duration SETTLE = Duration.ofSeconds(30);

    ForecastStoreJob(Forecasts forecasts, StoredForecasts stored, Companies companies, Queues queues, Clock clock) {
        this.forecasts = forecasts;
        this.stored = stored;
        this.companies = companies;
        this.queues = queues;
        this.clock = clock;
    }

    /** One pass over every company; returns how many series were fitted or found stored. */
    int run() {
        int series = 0;
        for (Company company : companies.all()) {
            try {
                series += refit(company.id(), company.timeZone(), false);
            } catch (RuntimeException e) {
                log.warn("forecast store: company {} failed: {}", company.id().value(), e.toString());
            }
        }
        return series;
    }

    /** Fits and stores every series of the company from its today (skipped when nothing changed since the last pass). */
    int refit(CompanyId company, ZoneId zone, boolean force) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Done last = done.get(company);
        Instant forgotten = forecasts.lastForgotten(company);
        if (!force && last != null && last.day().equals(today) && (forgotten == null || forgotten.isBefore(last.at()))) return 0;
        // Data still arriving (a backfill forgets the fits with every batch): wait until it settles.
        if (!force && forgotten != null && forgotten.isAfter(clock.instant().minus(SETTLE))) return 0;
        Instant started = clock.instant();
        stored.forgetBefore(company, today.minusDays(21));
        int[] counts = new int[Forecasts.Refit.values().length];
        List<Channel> channels = new ArrayList<>();
        if (stores(forecasts.refit(new Forecasts.Series(company, null, null), zone), counts)) {
            for (Channel ch : Channel.values()) {
                if (stores(forecasts.refit(new Forecasts.Series(company, null, ch), zone), counts)) channels.add(ch);
            }
            for (Queue q : queues.list(company)) {
                if (!stores(forecasts.refit(new Forecasts.Series(company, q.id(), null), zone), counts)) continue;
                for (Channel ch : channels) stores(forecasts.refit(new Forecasts.Series(company, q.id(), ch), zone), counts);
            }
        }
        int n = counts[Forecasts.Refit.STORED.ordinal()] + counts[Forecasts.Refit.KEPT.ordinal()] + counts[Forecasts.Refit.FITTED.ordinal()];
        done.put(company, new Done(today, started));
        if (n > 0) log.info("forecast store: company {} has {} series stored for {} ({} fitted, {} unchanged kept; {} ms)",
                company.value(), n, today, counts[Forecasts.Refit.FITTED.ordinal()], counts[Forecasts.Refit.KEPT.ordinal()],
                Duration.between(started, clock.instant()).toMillis());
        return n;
    }

    private static boolean stores(Forecasts.Refit r, int[] counts) {
        counts[r.ordinal()]++;
        return r != Forecasts.Refit.NO_HISTORY;
    }
}
