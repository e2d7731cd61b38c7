package com.rostra.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way pages write dates, times and numbers (templates reach it as {@code fmt}, set for every page by
 * {@link PageModel}; page controllers use the same patterns for chart labels): dates and times in the company's time
 * zone, English day and month names, 24-hour times, thousands separators. Relative times ("4 min ago") are not written
 * here: the browser computes them from the ISO instant (fragments/format.html, static/js/rostra.js), so a cached page
 * does not lie; this class writes their exact fallback and hover text.
 */
record Formats(ZoneId zone) {

    /** A date on its own: "Wed 18 Nov 2026". */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** A day where the year is plain from the page (a week's columns, chart ticks): "Wed 18 Nov". */
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private static final String NONE = "—";

    public String date(LocalDate d) {
        return d == null ? NONE : DATE.format(d);
    }

    public String date(Instant at) {
        return at == null ? NONE : DATE.format(at.atZone(zone));
    }

    public String day(LocalDate d) {
        return d == null ? NONE : DAY.format(d);
    }

    public String time(Instant at) {
        return at == null ? NONE : TIME.format(at.atZone(zone));
    }

    /** An hour of the day on a ruler: "09". */
    public String hour(int h) {
        return h < 10 ? "0" + h : String.valueOf(h);
    }

    /** "Wed 18 Nov 2026, 17:03" in the company's zone: the exact time behind every relative one. */
    public String dateTime(Instant at) {
        return at == null ? NONE : DATE_TIME.format(at.atZone(zone));
    }

    /** A count or a quantity rounded to a whole number: "12,345". */
    public String number(Number n) {
        return decimal(n, 0);
    }

    /** "1,234.5" with exactly {@code digits} decimals (half up). */
    public String decimal(Number n, int digits) {
        if (n == null || (n instanceof Double d && !Double.isFinite(d)) || (n instanceof Float x && !Float.isFinite(x))) return NONE;
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(n instanceof BigDecimal b ? b : new BigDecimal(n.toString()));
    }

    /** A fraction as a percentage: 0.9234 with 1 digit is "92.3%". */
    public String percent(Number fraction, int digits) {
        if (fraction == null || (fraction instanceof Double d && !Double.isFinite(d))) return NONE;
        return decimal(new BigDecimal(fraction.toString()).movePointRight(2), digits) + "%";
    }

    /** A channel as people read it ("Phone", "SMS"), from Rostra's code or Gladly's availability code (ChannelNames). */
    public String channel(String code) {
        return ChannelNames.of(code);
    }

    /** "Phone, Chat"; "—" when there are none. */
    public String channels(java.util.Collection<String> codes) {
        return ChannelNames.of(codes);
    }
}
