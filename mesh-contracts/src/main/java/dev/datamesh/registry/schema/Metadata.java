package dev.datamesh.registry.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Confluent data-contract metadata stored beside a schema. Collections are sorted and unmodifiable
 * so that equal metadata always serialises identically (it is part of a schema's identity).
 *
 * @param tags field path (wildcards allowed) to tags, e.g. {@code "**.ssn" -> ["PII"]}
 * @param properties free string properties; {@code confluent:version} is reserved
 * @param sensitive names of properties whose values are sensitive
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Metadata(
    SortedMap<String, SortedSet<String>> tags,
    SortedMap<String, String> properties,
    SortedSet<String> sensitive) {

  /** The reserved property the registry keeps equal to the version number. */
  public static final String VERSION_PROPERTY = "confluent:version";

  public Metadata {
    SortedMap<String, SortedSet<String>> t = new TreeMap<>();
    if (tags != null) {
      tags.forEach(
          (k, v) ->
              t.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v == null ? Set.of() : v))));
    }
    tags = Collections.unmodifiableSortedMap(t);
    properties =
        Collections.unmodifiableSortedMap(
            properties == null ? new TreeMap<>() : new TreeMap<>(properties));
    sensitive =
        Collections.unmodifiableSortedSet(
            sensitive == null ? new TreeSet<>() : new TreeSet<>(sensitive));
  }

  /** Metadata with only {@code properties}. */
  public static Metadata ofProperties(Map<String, String> properties) {
    return new Metadata(null, new TreeMap<>(properties), null);
  }

  /** True when there is nothing in it. */
  public boolean isEmpty() {
    return tags.isEmpty() && properties.isEmpty() && sensitive.isEmpty();
  }

  /** {@code later} merged over this: maps key-wise (later wins), {@code sensitive} as a union. */
  public Metadata mergedWith(Metadata later) {
    if (later == null) {
      return this;
    }
    SortedMap<String, SortedSet<String>> t = new TreeMap<>(tags);
    t.putAll(later.tags);
    SortedMap<String, String> p = new TreeMap<>(properties);
    p.putAll(later.properties);
    SortedSet<String> s = new TreeSet<>(sensitive);
    s.addAll(later.sensitive);
    return new Metadata(t, p, s);
  }

  /** This metadata without the reserved {@link #VERSION_PROPERTY}. */
  public Metadata withoutVersion() {
    if (!properties.containsKey(VERSION_PROPERTY)) {
      return this;
    }
    SortedMap<String, String> p = new TreeMap<>(properties);
    p.remove(VERSION_PROPERTY);
    return new Metadata(tags, p, sensitive);
  }

  /** This metadata with {@link #VERSION_PROPERTY} set to {@code version}. */
  public Metadata withVersion(int version) {
    SortedMap<String, String> p = new TreeMap<>(properties);
    p.put(VERSION_PROPERTY, Integer.toString(version));
    return new Metadata(tags, p, sensitive);
  }
}
