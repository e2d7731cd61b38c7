package com.rostra.gladly;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of Gladly's Contact Export report, read by column name (unknown columns are carried, not needed). The
 * header's name-to-position map is shared by every row of a report, so a row is just its cells.
 */
record ContactExportRow(int rowNumber, Map<String, Integer> columns, String[] cells) {

    static ContactExportRow of(int rowNumber, Map<String, String> values) {
        Map<String, Integer> columns = new HashMap<>();
        String[] cells = new String[values.size()];
        int i = 0;
        for (Map.Entry<String, String> e : values.entrySet()) {
            columns.put(e.getKey(), i);
            cells[i++] = e.getValue();
        }
        return new ContactExportRow(rowNumber, columns, cells);
    }

    String get(String column) {
        Integer at = columns.get(column);
        if (at == null || at >= cells.length) {
            return null;
        }
        String v = cells[at];
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The row as column: value pairs, for the rejected-rows log. */
    Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        columns.forEach((name, at) -> values.put(name, at < cells.length ? cells[at] : null));
        return values;
    }
}
