package dev.datamesh.registry.subjects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The answer of the compatibility endpoints.
 *
 * @param compatible serialised as {@code is_compatible}
 * @param messages only with {@code verbose=true} (then possibly empty)
 */
public record CompatibilityView(
    @JsonProperty("is_compatible") boolean compatible,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {}
