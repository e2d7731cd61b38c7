package com.rostra.schedules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.rostra.contacts.Channel;
import com.rostra.platform.ConflictException;
import com.rostra.platform.Db;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

/** A company's activity types; the usual ones exist from the first look, so a schedule can be made at once. */
@Service
public class ActivityTypes {

    static final Set<String> CATEGORIES = Set.of("productive", "break", "meeting", "time_off", "other");

    /** "phone, email, chat, sms, social": the channels, for messages. */
    private static final String CHANNELS = Channel.listed();

    static final List<ActivityType> DEFAULTS = List.of(
            new ActivityType(0, "Phone", true, Channel.PHONE.wireName(), "productive"),
            new ActivityType(0, "Email", true, Channel.EMAIL.wireName(), "productive"),
            new ActivityType(0, "Chat", true, Channel.CHAT.wireName(), "productive"),
            new ActivityType(0, "Messaging", true, null, "productive"),
            new ActivityType(0, "Break", false, null, "break"),
            new ActivityType(0, "Lunch", false, null, "break"),
            new ActivityType(0, "Meeting", false, null, "meeting"),
            new ActivityType(0, "Training", false, null, "meeting"),
            new ActivityType(0, "Time off", false, null, "time_off"));

    private final JdbcClient jdbc;
    private final Clock clock;

    ActivityTypes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public List<ActivityType> list(CompanyId company) {
        List<ActivityType> types = stored(company);
        if (!types.isEmpty()) return types;
        // The first readers of a new company (the Realtime page, the live stream's snapshot and its first delivery)
        // can arrive together: the company's row makes them seed one after the other, so the second finds the types
        // instead of failing on the unique name.
        jdbc.sql("select id from companies where id = ? for update").param(company.value()).query(Long.class).optional();
        types = stored(company);
        if (types.isEmpty()) {
            DEFAULTS.forEach(t -> insert(company, t));
            types = stored(company);
        }
        return types;
    }

    @Transactional
    public ActivityType create(CompanyId company, String name, Boolean productive, String channel, String category) {
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) errors.add(new FieldError("name", "must be 1 to 100 characters"));
        if (productive == null) errors.add(new FieldError("productive", "is required: true or false"));
        String ch = null;
        if (channel != null && !channel.isBlank()) {
            ch = Channel.fromWire(channel).map(Channel::wireName).orElse(null);
            if (ch == null) errors.add(new FieldError("channel", "must be one of " + CHANNELS));
        }
        String cat = category == null || category.isBlank()
                ? (Boolean.TRUE.equals(productive) ? "productive" : "other") : category.strip().toLowerCase(Locale.ROOT);
        if (!CATEGORIES.contains(cat)) errors.add(new FieldError("category", "must be one of productive, break, meeting, time_off, other"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        list(company).stream().filter(t -> t.name().equalsIgnoreCase(n)).findAny().ifPresent(t -> {
            throw new ConflictException("an activity type named '" + t.name() + "' exists");
        });
        insert(company, new ActivityType(0, n, productive, ch, cat));
        return stored(company).stream().filter(t -> t.name().equals(n)).findFirst().orElseThrow();
    }

    private void insert(CompanyId company, ActivityType t) {
        jdbc.sql("insert into activity_types (company_id, name, productive, channel, category, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(company.value(), t.name(), t.productive(), t.channel(), t.category(), Db.ts(clock.instant())).update();
    }

    private List<ActivityType> stored(CompanyId company) {
        return jdbc.sql("select * from activity_types where company_id = ? order by id").param(company.value())
                .query((rs, i) -> new ActivityType(rs.getLong("id"), rs.getString("name"), rs.getBoolean("productive"),
                        rs.getString("channel"), rs.getString("category"))).list();
    }
}
