package com.rostra.agents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.rostra.platform.CsvUpload;
import com.rostra.platform.CsvUpload.RowError;
import com.rostra.platform.InvalidRequestException.FieldError;
import com.rostra.tenancy.CompanyId;

/**
 * People from a CSV file. Every row is checked before anything is written; each problem is reported with its
 * row (the header is row 1) and field. With errors, nothing is imported unless the caller asks for a partial
 * import, which writes the good rows only. A row whose email exists already updates that person.
 */
@Service
public class PeopleImport {

    public static final List<String> COLUMNS = List.of("first_name", "last_name", "email", "role", "staffable", "channels",
            "queue_ids", "team", "time_zone", "gladly_agent_id", "start_date");

    public static final String TEMPLATE = String.join(",", COLUMNS) + "\n"
            + "Amy,Agent,amy.agent@example.com,agent,true,phone;chat,,Phones,America/New_York,,2026-01-05\n";

    public record Result(int created, int updated, List<RowError> errors) {}

    private final People people;
    private final TransactionTemplate tx;

    PeopleImport(People people, TransactionTemplate tx) {
        this.people = people;
        this.tx = tx;
    }

    public Result importCsv(CompanyId company, String csv, boolean partial) {
        List<RowError> errors = new ArrayList<>();
        List<PersonInput> good = new ArrayList<>();
        CsvUpload file;
        try {
            file = CsvUpload.read(csv);
        } catch (CsvUpload.Unreadable e) {
            return new Result(0, 0, List.of(e.error()));
        }
        List<String> headers = List.copyOf(file.columns());
        for (String required : List.of("first_name", "email")) {
            if (!headers.contains(required)) {
                errors.add(new RowError(1, required, "the header needs a " + required + " column (download the template)"));
            }
        }
        for (String h : headers) {
            if (!COLUMNS.contains(h)) errors.add(new RowError(1, h, "unknown column '" + h + "'"));
        }
        if (!errors.isEmpty()) {
            return new Result(0, 0, errors);
        }
        Set<Long> queues = people.knownQueueIds(company);
        Map<String, Integer> emailRows = new HashMap<>();
        for (CsvUpload.Row record : file.rows()) {
            int row = record.number();
            Map<String, String> v = new HashMap<>();
            for (String h : headers) v.put(h, record.get(h));
            List<RowError> rowErrors = new ArrayList<>();
            if (record.size() != headers.size()) {
                rowErrors.add(new RowError(row, null, "has " + record.size() + " values for " + headers.size() + " columns"));
            }
            Boolean staffable = null;
            String s = v.get("staffable");
            if (s != null && !s.isBlank()) {
                switch (s.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "1", "y" -> staffable = true;
                    case "false", "no", "0", "n" -> staffable = false;
                    default -> rowErrors.add(new RowError(row, "staffable", "'" + s + "' is not true or false"));
                }
            }
            List<Long> queueIds = new ArrayList<>();
            for (String q : list(v.get("queue_ids"))) {
                try {
                    queueIds.add(Long.valueOf(q));
                } catch (NumberFormatException e) {
                    rowErrors.add(new RowError(row, "queue_ids", "unknown queue '" + q + "'"));
                }
            }
            PersonInput input = new PersonInput(v.get("first_name"), v.get("last_name"), v.get("email"), v.get("role"),
                    staffable, list(v.get("channels")), queueIds, v.get("team"), v.get("time_zone"),
                    blankToNull(v.get("gladly_agent_id")), v.get("start_date"));
            for (FieldError e : input.validate(queues)) rowErrors.add(new RowError(row, e.field(), e.message()));
            if (!PersonInput.blank(input.email())) {
                Integer first = emailRows.putIfAbsent(input.normalizedEmail(), row);
                if (first != null) rowErrors.add(new RowError(row, "email", "duplicate of row " + first));
            }
            if (rowErrors.isEmpty()) good.add(input);
            errors.addAll(rowErrors);
        }
        if (!errors.isEmpty() && !partial) {
            return new Result(0, 0, errors);
        }
        int[] counts = new int[2];
        tx.executeWithoutResult(status -> {
            for (PersonInput input : good) {
                var existing = people.findByEmail(company, input.email());
                if (existing.isPresent()) {
                    people.update(company, existing.get().id(), input);
                    counts[1]++;
                } else {
                    people.create(company, input);
                    counts[0]++;
                }
            }
        });
        return new Result(counts[0], counts[1], errors);
    }

    private static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) return List.of();
        return Arrays.stream(cell.split("[;|,]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
