package io.sensoretl.store;


/** An object in a blob store: its key and its size in bytes. */
public record StoredObject(String key, long size) {}
