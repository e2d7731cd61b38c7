package com.rostra.gladly;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the Contact Export CSV by header name, so reordered, missing or new columns do no harm. A body that
 * does not end with a line break was cut off in transit: the caller retries the window rather than keep half.
 */
final class ContactExportParser {

    static final class TruncatedReportException extends RuntimeException {
        TruncatedReportException() {
            super("the report ended mid-row (truncated)");
        }
    }

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setAllowMissingColumnNames(true).get();

    private ContactExportParser() {}

    static List<ContactExportRow> parse(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        if (!body.endsWith("\n")) {
            throw new TruncatedReportException();
        }
        List<ContactExportRow> rows = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(body))) {
            // Name to position as the header has it (a blank header name keeps its position, unnamed).
            Map<String, Integer> columns = new HashMap<>(parser.getHeaderMap());
            for (CSVRecord record : parser) {
                rows.add(new ContactExportRow((int) record.getRecordNumber(), columns, record.values()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new TruncatedReportException();
        }
        return rows;
    }
}
