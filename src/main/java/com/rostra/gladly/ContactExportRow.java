package com.rostra.gladly;

import java.util.Map;

/** One row of Gladly's Contact Export report, by column name (unknown columns are carried, not needed). */
record ContactExportRow(int rowNumber, Map<String, String> values) {

    String get(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
