package io.sensoretl.compact;

/** An object in a blob store: its key and its size in bytes. */
public record Blob(String key, long size) {}
