package com.rostra.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import com.rostra.contacts.ContactStore;
import com.rostra.tenancy.CompanyId;

/** A company whose local day is far from UTC's, with chat history, for tests that a bare date means its local day. */
public final class LocalDayFixtures {

    private LocalDayFixtures() {}

    /** The company, its time zone, next Monday there and that Monday's local midnight. */
    public record LocalMonday(ApiTest.TestCompany company, ZoneId zone, LocalDate monday, Instant midnight) {}

    /**
     * A new Auckland company with six weeks of chats ({@link WeeklyChats}), and next Monday's local midnight. Auckland
     * is UTC+13 in November: its midnight is 11:00 UTC the day before, far from UTC's.
     */
    public static LocalMonday aucklandWithSixWeeksOfChats(ApiTest test, ContactStore store) {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        ApiTest.TestCompany company = test.newCompany(auckland.getId());
        store.upsert(new CompanyId(company.id()), WeeklyChats.sixWeeks(auckland));
        LocalDate monday = test.today(auckland).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        return new LocalMonday(company, auckland, monday, monday.atStartOfDay(auckland).toInstant());
    }
}
