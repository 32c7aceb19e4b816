package dev.datamesh.registry.subjects;

/** {@code {"mode": "READWRITE"}}: the answer of the mode endpoints and the body of their PUT. */
public record ModeView(String mode) {}
