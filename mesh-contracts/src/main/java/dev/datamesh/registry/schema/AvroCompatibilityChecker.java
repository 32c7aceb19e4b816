package dev.datamesh.registry.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** {@link CompatibilityChecker} on Avro's reader/writer rules, with Confluent's message format. */
final class AvroCompatibilityChecker implements CompatibilityChecker {
  private static final String NEW = "new";
  private static final String OLD = "old";

  @Override
  public CompatibilityResult check(
      CompatibilityLevel level, Schema candidate, List<PreviousSchema> previous) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return CompatibilityResult.ok();
    }
    List<PreviousSchema> targets = new ArrayList<>(previous);
    Collections.reverse(targets);
    if (!level.transitive()) {
      targets = targets.subList(0, 1);
    }
    for (PreviousSchema old : targets) {
      List<String> problems = new ArrayList<>();
      if (level.backward()) {
        problems.addAll(describe(candidate, old.schema(), NEW, OLD));
      }
      if (level.forward()) {
        problems.addAll(describe(old.schema(), candidate, OLD, NEW));
      }
      if (!problems.isEmpty()) {
        problems.add("{oldSchemaVersion: " + old.version() + "}");
        problems.add("{oldSchema: '" + old.canonical() + "'}");
        problems.add("{validateFields: 'false', compatibility: '" + level.name() + "'}");
        return new CompatibilityResult(false, problems);
      }
    }
    return CompatibilityResult.ok();
  }

  private static List<String> describe(
      Schema reader, Schema writer, String readerRole, String writerRole) {
    SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Incompatibility i : pair.getResult().getIncompatibilities()) {
      out.add(
          "{errorType:'"
              + i.getType().name()
              + "', description:'"
              + description(i, readerRole, writerRole)
              + "', additionalInfo:'"
              + i.getMessage()
              + "'}");
    }
    return out;
  }

  private static String description(Incompatibility i, String reader, String writer) {
    String path = i.getLocation();
    return switch (i.getType()) {
      case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
      case FIXED_SIZE_MISMATCH ->
          "The size of FIXED type field at path '"
              + path
              + "' in the "
              + reader
              + " schema does not match with the "
              + writer
              + " schema";
      case MISSING_ENUM_SYMBOLS ->
          "The "
              + reader
              + " schema is missing enum symbols '"
              + i.getMessage()
              + "' at path '"
              + path
              + "' in the "
              + writer
              + " schema";
      case READER_FIELD_MISSING_DEFAULT_VALUE ->
          "The field '"
              + i.getMessage()
              + "' at path '"
              + path
              + "' in the "
              + reader
              + " schema has no default value and is missing in the "
              + writer
              + " schema";
      case TYPE_MISMATCH ->
          "The type (path '"
              + path
              + "') of a field in the "
              + reader
              + " schema does not match with the "
              + writer
              + " schema";
      case MISSING_UNION_BRANCH ->
          "The "
              + reader
              + " schema is missing a type inside a union field at path '"
              + path
              + "' in the "
              + writer
              + " schema";
    };
  }
}
