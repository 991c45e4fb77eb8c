package com.marketpulse.stack;

public final class LocalStack {
    public static void main(String[] args) {
    }
}
