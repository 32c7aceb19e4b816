package dev.datamesh.registry.subjects;

/** A {@code {subject, version}} pair, as listed by {@code GET /schemas/ids/{id}/versions}. */
public record SubjectVersionRef(String subject, int version) {}
