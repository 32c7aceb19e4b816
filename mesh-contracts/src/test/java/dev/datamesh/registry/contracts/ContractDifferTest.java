package dev.datamesh.registry.contracts;

import static dev.datamesh.registry.contracts.ContractDocs.addProperty;
import static dev.datamesh.registry.contracts.ContractDocs.changed;
import static dev.datamesh.registry.contracts.ContractDocs.example;
import static dev.datamesh.registry.contracts.ContractDocs.load;
import static dev.datamesh.registry.contracts.ContractDocs.property;
import static dev.datamesh.registry.contracts.ContractDocs.removeProperty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.registry.schema.CompatibilityChecker;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ContractDifferTest {
  private static final ObjectNode ORDERS = example("orders.order-placed");
  private final ContractDiffer differ = new ContractDiffer(CompatibilityChecker.avro());

  private DiffView diff(Consumer<ObjectNode> change) {
    DataContract from = load(ORDERS);
    DataContract to =
        load(
            changed(
                ORDERS,
                doc -> {
                  doc.put("version", "1.1.0");
                  change.accept(doc);
                }));
    return differ.diff(from, to);
  }

  private static ObjectNode item(ArrayNode array, int index) {
    return (ObjectNode) array.get(index);
  }

  private static ChangeView only(DiffView diff, String kind) {
    List<ChangeView> found = diff.changes().stream().filter(c -> c.kind().equals(kind)).toList();
    assertThat(found).as(diff.changes().toString()).hasSize(1);
    return found.get(0);
  }

  @Test
  void identicalContractsHaveNoChangesAndAreCompatible() {
    DiffView diff = diff(doc -> {});
    assertThat(diff.changes()).isEmpty();
    assertThat(diff.breaking()).isFalse();
    assertThat(diff.schema().compatible()).isTrue();
    assertThat(diff.from()).isEqualTo("1.0.0");
    assertThat(diff.to()).isEqualTo("1.1.0");
  }

  @Test
  void removingAFieldIsBreakingEvenWhenAvroCouldReadIt() {
    DiffView diff = diff(doc -> removeProperty(doc, "couponCode"));
    ChangeView removed = only(diff, "field-removed");
    assertThat(removed.breaking()).isTrue();
    assertThat(removed.pointer()).isEqualTo("/schema/0/properties/7");
    assertThat(removed.message()).contains("couponCode");
    assertThat(diff.breaking()).isTrue();
    assertThat(diff.schema().compatible()).as("BACKWARD: a new reader ignores the field").isTrue();
  }

  @Test
  void removingAnObjectReportsTheObjectNotEachNestedField() {
    DiffView diff = diff(doc -> removeProperty(doc, "shippingAddress"));
    assertThat(diff.changes()).extracting(ChangeView::kind).containsExactly("field-removed");
    assertThat(diff.changes().get(0).message()).contains("shippingAddress");
  }

  @Test
  void anOptionalFieldIsANonBreakingAdditionAndARequiredOneBreaks() {
    DiffView optional =
        diff(
            doc ->
                addProperty(
                    doc,
                    "{name: giftNote, logicalType: string, required: false, description: A note.}"));
    assertThat(only(optional, "field-added").breaking()).isFalse();
    assertThat(optional.breaking()).isFalse();
    assertThat(optional.schema().compatible()).isTrue();

    DiffView required =
        diff(
            doc ->
                addProperty(
                    doc,
                    "{name: giftNote, logicalType: string, required: true, description: A note.}"));
    assertThat(only(required, "field-added").breaking()).isTrue();
    assertThat(required.schema().compatible()).as("BACKWARD: old records lack the field").isFalse();
    assertThat(required.schema().messages()).anyMatch(m -> m.contains("giftNote"));
  }

  @Test
  void typeChangesBreakExceptAvroPromotions() {
    DiffView retyped =
        diff(
            doc ->
                property(doc, "customerId")
                    .put("logicalType", "integer")
                    .put("physicalType", "long")
                    .remove("logicalTypeOptions"));
    assertThat(only(retyped, "type-changed").breaking()).isTrue();
    DiffView widened = diff(doc -> property(doc, "itemCount").put("physicalType", "long"));
    ChangeView change = only(widened, "type-changed");
    assertThat(change.breaking()).isFalse();
    assertThat(change.message()).contains("integer/int").contains("integer/long");
  }

  @Test
  void makingAFieldOptionalBreaksConsumers() {
    DiffView diff = diff(doc -> property(doc, "customerId").put("required", false));
    assertThat(only(diff, "required-changed").breaking()).isTrue();
    assertThat(only(diff, "required-changed").message()).contains("optional");
  }

  @Test
  void rulesAddedOrTightenedBreakProducersWhileRemovedOrWidenedOnesDoNot() {
    DiffView added =
        diff(
            doc ->
                property(doc, "customerId")
                    .putObject("logicalTypeOptions")
                    .put("minLength", 3)
                    .put("maxLength", 64)
                    .put("pattern", "^cust-"));
    assertThat(only(added, "rule-added").breaking()).isTrue();

    DiffView removed = diff(doc -> property(doc, "couponCode").remove("logicalTypeOptions"));
    assertThat(only(removed, "rule-removed").breaking()).isFalse();

    DiffView widened =
        diff(
            doc ->
                item(property(doc, "currency").withArrayProperty("quality"), 0)
                    .withObjectProperty("arguments")
                    .putArray("validValues")
                    .add("EUR")
                    .add("USD")
                    .add("GBP")
                    .add("CHF")
                    .add("JPY"));
    assertThat(only(widened, "rule-changed").breaking()).isFalse();

    DiffView narrowed =
        diff(
            doc ->
                item(property(doc, "currency").withArrayProperty("quality"), 0)
                    .withObjectProperty("arguments")
                    .putArray("validValues")
                    .add("EUR"));
    assertThat(only(narrowed, "rule-changed").breaking()).isTrue();
  }

  @Test
  void maskingChangesBreakAndQualityAndSlaChangesOnlyInform() {
    DiffView masking =
        diff(
            doc ->
                item(property(doc, "customerEmail").withArrayProperty("customProperties"), 0)
                    .put("value", "redact"));
    assertThat(only(masking, "masking-changed").breaking()).isTrue();

    DiffView quality =
        diff(
            doc -> item(doc.withArrayProperty("schema"), 0).withArrayProperty("quality").remove(0));
    assertThat(only(quality, "quality-removed").breaking()).isFalse();

    DiffView freshness =
        diff(doc -> item(doc.withArrayProperty("slaProperties"), 1).put("value", 5));
    ChangeView sla = only(freshness, "sla-changed");
    assertThat(sla.breaking()).isFalse();
    assertThat(sla.pointer()).isEqualTo("/slaProperties/1");
    assertThat(freshness.breaking()).isFalse();
  }

  @Test
  void shorterRetentionAndAnotherKeyBreak() {
    DiffView retention =
        diff(doc -> item(doc.withArrayProperty("slaProperties"), 2).put("value", 10));
    assertThat(only(retention, "sla-changed").breaking()).isTrue();

    DiffView key =
        diff(
            doc -> {
              item(doc.withArrayProperty("customProperties"), 0).put("value", "customerId");
            });
    assertThat(only(key, "key-changed").breaking()).isTrue();
    assertThat(only(key, "key-changed").pointer()).isEqualTo("/customProperties/0/value");
  }
}
