package com.rostra.gladly;

/** Gladly answered with an error we will not retry (or retries ran out). {@code status} 0 = no answer. */
class GladlyApiException extends RuntimeException {

    private final int status;

    GladlyApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    boolean isAuthorization() {
        return status == 401 || status == 403;
    }
}
