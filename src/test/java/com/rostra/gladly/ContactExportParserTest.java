package com.rostra.gladly;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactExportParserTest {

    @Test
    void readsColumnsByNameWhateverTheirOrderAndExtras() {
        String csv = "Channel,Brand New Column,Contact ID,Queued At\nEMAIL,x,c1,2026-03-02T10:00:00Z\n\"CHAT\",,c2,2026-03-02T11:00:00Z\n";
        List<ContactExportRow> rows = ContactExportParser.parse(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("Contact ID")).isEqualTo("c1");
        assertThat(rows.get(1).get("Channel")).isEqualTo("CHAT");
        assertThat(rows.get(1).get("Status")).as("missing column").isNull();
        assertThat(rows.get(1).get("Brand New Column")).as("blank is null").isNull();
    }

    @Test
    void aBodyCutMidRowIsTruncated() {
        assertThatThrownBy(() -> ContactExportParser.parse("Contact ID,Channel\nc1,EMAIL\nc2,CH"))
                .isInstanceOf(ContactExportParser.TruncatedReportException.class);
    }

    @Test
    void headerOnlyIsEmpty() {
        assertThat(ContactExportParser.parse("Contact ID,Channel\n")).isEmpty();
        assertThat(ContactExportParser.parse("")).isEmpty();
    }
}
