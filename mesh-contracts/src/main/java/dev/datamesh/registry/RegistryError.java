package dev.datamesh.registry;

/**
 * A refused request: answered as HTTP {@code code.httpStatus()} with {@code {"error_code":
 * code.errorCode(), "message": message}}.
 */
public record RegistryError(RegistryErrorCode code, String message) {}
