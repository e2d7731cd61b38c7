package com.rostra.platform;

/** A resource that does not exist for the calling company; rendered as 404 (never "it exists elsewhere"). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
