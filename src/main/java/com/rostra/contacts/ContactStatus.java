package com.rostra.contacts;

import java.util.Locale;

public enum ContactStatus {
    OPEN, SOLVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
