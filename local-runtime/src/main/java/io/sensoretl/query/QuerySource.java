package io.sensoretl.query;

/** The text of a query and what to call it in messages: the file name, or {@code <inline>}. */
public record QuerySource(String name, String text) {}
