package dev.datamesh.registry;

import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * A test policy: product schemas need a record doc and a doc on every field. Primary over the
 * contract governance, which has no contracts to apply in the tests that use this one.
 */
@Singleton
@Primary
@Requires(property = "test.governance", value = "require-doc")
final class DocRequiringGovernance implements SubjectGovernance {

  @Override
  public List<GovernanceViolation> review(SchemaChange change) {
    List<GovernanceViolation> out = new ArrayList<>();
    Schema schema = change.schema();
    if (schema.getDoc() == null) {
      out.add(
          new GovernanceViolation(
              "MISSING_DOC", "", change.product().productId() + " needs a description"));
    }
    if (schema.getType() == Schema.Type.RECORD) {
      for (Schema.Field f : schema.getFields()) {
        if (f.doc() == null) {
          out.add(
              new GovernanceViolation(
                  "MISSING_FIELD_DOC",
                  "/fields/" + f.pos(),
                  "field " + f.name() + " needs a description"));
        }
      }
    }
    return out;
  }
}
