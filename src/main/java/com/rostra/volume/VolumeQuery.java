package com.rostra.volume;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.rostra.contacts.IntervalLength;
import com.rostra.platform.InvalidRequestException;
import com.rostra.platform.RequestTimes;
import com.rostra.platform.InvalidRequestException.FieldError;

/** The parameters of a volume request, validated together so every mistake is reported at once. */
public record VolumeQuery(Instant start, Instant end, IntervalLength length, String interval, Volume.GroupBy groupBy,
                          ZoneId zone) {

    public static VolumeQuery parse(String start, String end, String interval, String groupBy, String timeZone,
                                    ZoneId companyZone) {
        List<FieldError> errors = new ArrayList<>();
        Instant from = RequestTimes.parse("start", start, errors);
        Instant to = RequestTimes.parse("end", end, errors);
        if (start == null || start.isBlank()) errors.add(new FieldError("start", "is required"));
        if (end == null || end.isBlank()) errors.add(new FieldError("end", "is required"));
        IntervalLength length = IntervalLength.fromWire(interval).orElse(null);
        if (length == null) errors.add(new FieldError("interval", "must be 15m, 30m, 60m or 1d"));
        Volume.GroupBy group = switch (groupBy) {
            case "channel" -> Volume.GroupBy.CHANNEL;
            case "queue" -> Volume.GroupBy.QUEUE;
            case "none" -> Volume.GroupBy.NONE;
            default -> {
                errors.add(new FieldError("group_by", "must be channel or queue"));
                yield null;
            }
        };
        ZoneId zone = companyZone;
        if (timeZone != null) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (RuntimeException e) {
                errors.add(new FieldError("time_zone", "'" + timeZone + "' is not an IANA time zone"));
            }
        }
        if (from != null && to != null && !to.isAfter(from)) errors.add(new FieldError("end", "must be after start"));
        if (!errors.isEmpty()) throw new InvalidRequestException(errors);
        return new VolumeQuery(from, to, length, interval, group, zone);
    }
}
