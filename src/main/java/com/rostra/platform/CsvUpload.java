package com.rostra.platform;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file read by header name (case-insensitive; a byte-order mark, surrounding spaces and blank
 * lines ignored). Rows are numbered as a spreadsheet shows them: the header is row 1. Every importer reports its
 * problems as {@link RowError}s, so they all answer the same {@code errors: [{row, field, message}]}.
 */
public final class CsvUpload {

    public record RowError(int row, String field, String message) {}

    /** One data row; {@link #get} is the stripped cell of a column, or null when the row or header lacks it. */
    public record Row(int number, Map<String, Integer> header, CSVRecord record) {
        public String get(String column) {
            Integer i = header.get(column);
            return i == null || i >= record.size() ? null : record.get(i).strip();
        }

        public int size() {
            return record.size();
        }
    }

    /** The file could not be read as CSV at all: one error on row 1 says why. */
    public static final class Unreadable extends Exception {
        private final RowError error;

        Unreadable(String detail) {
            super(detail);
            this.error = new RowError(1, null, "not a readable CSV file: " + detail);
        }

        public RowError error() {
            return error;
        }
    }

    private final Map<String, Integer> header;
    private final List<Row> rows;

    private CsvUpload(Map<String, Integer> header, List<Row> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads the file; over {@link RequestLimits#IMPORT_BYTES} characters or {@link RequestLimits#IMPORT_ROWS} data
     * rows it stops with {@link PayloadTooLargeException} (413), having kept at most the cap in memory.
     */
    public static CsvUpload read(String csv) throws Unreadable {
        if (csv != null && csv.length() > RequestLimits.IMPORT_BYTES) {
            throw new PayloadTooLargeException("A CSV import may be at most 5 MB; split the file and import the parts one after another.");
        }
        String text = csv == null ? "" : csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(text))) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((name, i) -> header.putIfAbsent(name.toLowerCase(Locale.ROOT).strip(), i));
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (rows.size() >= RequestLimits.IMPORT_ROWS) {
                    throw new PayloadTooLargeException("A CSV import may have at most " + String.format("%,d", RequestLimits.IMPORT_ROWS)
                            + " rows; split the file and import the parts one after another.");
                }
                rows.add(new Row((int) r.getRecordNumber() + 1, header, r));
            }
            return new CsvUpload(header, rows);
        } catch (PayloadTooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    public Set<String> columns() {
        return header.keySet();
    }

    public boolean has(String column) {
        return header.containsKey(column);
    }

    public List<Row> rows() {
        return rows;
    }
}
