package com.rostra.support;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.rostra.contacts.Channel;
import com.rostra.contacts.ContactRecord;
import com.rostra.contacts.ContactStatus;

/** Six weeks up to now of a steady pattern: weekdays 09–17 three chats an hour, weekends 10–15 one an hour. */
public final class WeeklyChats {

    private WeeklyChats() {}

    public static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    public static List<ContactRecord> sixWeeks(ZoneId zone) {
        Instant now = TestClocks.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<ContactRecord> contacts = new ArrayList<>();
        for (LocalDate d = today.minusWeeks(6); d.isBefore(today.plusDays(1)); d = d.plusDays(1)) {
            int from = weekend(d) ? 10 : 9;
            int to = weekend(d) ? 15 : 17;
            int perHour = weekend(d) ? 1 : 3;
            for (int h = from; h < to; h++) {
                for (int k = 0; k < perHour; k++) {
                    Instant at = d.atTime(h, 5 + k * 15).atZone(zone).toInstant();
                    if (at.isBefore(now)) contacts.add(chat(d + "-" + h + "-" + k, at));
                }
            }
        }
        return contacts;
    }

    private static ContactRecord chat(String id, Instant at) {
        return new ContactRecord(id, "conv-" + id, "cust", Channel.CHAT, "CHAT", "INBOUND", "Customer", null, null,
                "in", "Chat", "in", "Chat", ContactStatus.SOLVED, "Answered", at, at, at.plusSeconds(30), 30, null, null, 30,
                at.plusSeconds(600), null);
    }
}
