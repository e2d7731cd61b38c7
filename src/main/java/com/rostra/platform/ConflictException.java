package com.rostra.platform;

/** The request clashes with existing state (e.g. a duplicate email); rendered as 409. */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
