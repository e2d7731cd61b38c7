package com.rostra.platform;

/** A request body or upload over its limit: answered 413 with a message that says the limit. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
