package com.marketpulse.api.web;

import java.io.IOException;

/** Thrown while reading a request body that turns out larger than the limit. */
public class BodyTooLargeException extends IOException {

    public BodyTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
