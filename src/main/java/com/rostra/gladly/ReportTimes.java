package com.rostra.gladly;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast path for the one time shape Gladly's reports use ({@code 2026-09-01T18:00:00.123Z}, or with a numeric
 * offset, or space-separated UTC): a million contacts carry several times each, and java.time's general parser
 * was the largest cost of a backfill. Anything else returns null and takes the general parser.
 */
final class ReportTimes {

    private ReportTimes() {}

    static Instant parse(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) i++;
            int count = i - start;
            if (count == 0 || count > 9) return null;
            nanos = digits(s, start, count);
            for (int k = count; k < 9; k++) nanos *= 10;
        }
        int offsetSeconds;
        if (i == n) {
            if (s.charAt(10) != ' ') return null; // a T-form without a zone is not one of Gladly's shapes
            offsetSeconds = 0;
        } else if (s.charAt(i) == 'Z' && i + 1 == n) {
            offsetSeconds = 0;
        } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && (n - i == 6 && s.charAt(i + 3) == ':' || n - i == 5 || n - i == 3)) {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int oh = digits(s, i + 1, 2);
            int om = n - i == 3 ? 0 : digits(s, n - 2, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) return null;
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
