package dev.datamesh.registry.contracts;

import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.Durations;
import dev.datamesh.contracts.FieldDefinition;
import dev.datamesh.contracts.KafkaProfile;
import dev.datamesh.contracts.MaskingStrategy;
import dev.datamesh.contracts.QualityRule;
import dev.datamesh.contracts.RecordRule;
import dev.datamesh.contracts.ServiceLevels;
import dev.datamesh.contracts.policy.ContractPointers;
import dev.datamesh.registry.schema.CompatibilityChecker;
import dev.datamesh.registry.schema.CompatibilityLevel;
import dev.datamesh.registry.schema.CompatibilityResult;
import dev.datamesh.registry.schema.PreviousSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What changed between two versions of a contract, and what it breaks. "Breaking" means someone
 * must act: consumers lose or see different data (a field removed, retyped, made optional, masked
 * differently; shorter retention; another key), or producers' records that passed before may now be
 * refused (a field made required or added as required, a new or changed per-record rule). Aggregate
 * quality rules, SLAs other than retention, docs and ownership never break. Beside the field-level
 * changes the schemas are checked under the newer version's compatibility mode. Stateless and
 * thread-safe.
 */
final class ContractDiffer {
  private final CompatibilityChecker checker;

  ContractDiffer(CompatibilityChecker checker) {
    this.checker = checker;
  }

  DiffView diff(DataContract from, DataContract to) {
    List<ChangeView> changes = new ArrayList<>();
    fields(from, to, changes);
    quality(from, to, changes);
    serviceLevels(from, to, changes);
    profile(from, to, changes);
    header(from, to, changes);
    CompatibilityView schema = schema(from, to);
    boolean breaking = !schema.compatible() || changes.stream().anyMatch(ChangeView::breaking);
    return new DiffView(
        to.productId().toString(),
        from.version().toString(),
        to.version().toString(),
        breaking,
        schema,
        changes);
  }

  /** {@code to}'s schema against {@code from}'s under {@code to}'s mode. */
  CompatibilityView schema(DataContract from, DataContract to) {
    CompatibilityLevel level = CompatibilityLevel.valueOf(to.compatibility().name());
    if (level == CompatibilityLevel.NONE) {
      return CompatibilityView.compatible("compatibility mode NONE: nothing to check");
    }
    CompatibilityResult result =
        checker.check(
            level,
            to.valueSchema(),
            List.of(new PreviousSchema(0, from.valueSchema(), from.valueSchema().toString())));
    return CompatibilityView.of(result);
  }

  // ---- fields -----------------------------------------------------------------------------

  private static void fields(DataContract from, DataContract to, List<ChangeView> out) {
    Map<String, FieldDefinition> before = byPath(from.allFields());
    Map<String, FieldDefinition> after = byPath(to.allFields());
    for (FieldDefinition old : before.values()) {
      FieldDefinition now = after.get(old.path());
      if (now == null) {
        if (!before.containsKey(parent(old.path())) || after.containsKey(parent(old.path()))) {
          out.add(
              new ChangeView(
                  "field-removed",
                  old.source(),
                  true,
                  "property '"
                      + old.path()
                      + "' was removed: consumers reading it lose it and old records still carry"
                      + " it"));
        }
      } else {
        field(old, now, out);
      }
    }
    for (FieldDefinition now : after.values()) {
      if (!before.containsKey(now.path())
          && (!after.containsKey(parent(now.path())) || before.containsKey(parent(now.path())))) {
        out.add(
            new ChangeView(
                "field-added",
                now.source(),
                now.required(),
                now.required()
                    ? "required property '"
                        + now.path()
                        + "' was added: every producer must send it and records written before"
                        + " do not have it"
                    : "optional property '" + now.path() + "' was added"));
      }
    }
  }

  private static void field(FieldDefinition old, FieldDefinition now, List<ChangeView> out) {
    String where = now.source();
    String name = "property '" + now.path() + "'";
    String oldType = typeOf(old);
    String newType = typeOf(now);
    if (!oldType.equals(newType)) {
      boolean promotion = promotes(old, now);
      out.add(
          new ChangeView(
              "type-changed",
              where,
              !promotion,
              name
                  + " changed type from "
                  + oldType
                  + " to "
                  + newType
                  + (promotion ? " (a widening Avro promotes)" : "")));
    }
    if (old.required() != now.required()) {
      out.add(
          new ChangeView(
              "required-changed",
              where,
              true,
              now.required()
                  ? name + " became required: records without it are now refused"
                  : name + " became optional: consumers may now see nulls"));
    }
    if (!Objects.equals(old.classification(), now.classification())) {
      out.add(
          new ChangeView(
              "classification-changed",
              where,
              false,
              name
                  + " classification changed from "
                  + old.classification().orElse("none")
                  + " to "
                  + now.classification().orElse("none")));
    }
    if (!Objects.equals(old.masking(), now.masking())) {
      out.add(
          new ChangeView(
              "masking-changed",
              where,
              true,
              name
                  + " masking changed from "
                  + old.masking().map(MaskingStrategy::odcsValue).orElse("none")
                  + " to "
                  + now.masking().map(MaskingStrategy::odcsValue).orElse("none")
                  + ": certified values change form"));
    }
    if (!old.description().equals(now.description())) {
      out.add(new ChangeView("description-changed", where, false, name + " description changed"));
    }
    rules(old, now, out);
  }

  private static void rules(FieldDefinition old, FieldDefinition now, List<ChangeView> out) {
    Map<String, RecordRule> before = rulesByKind(old.rules());
    Map<String, RecordRule> after = rulesByKind(now.rules());
    String name = "property '" + now.path() + "'";
    for (Map.Entry<String, RecordRule> e : before.entrySet()) {
      RecordRule then = e.getValue();
      RecordRule current = after.get(e.getKey());
      if (current == null) {
        out.add(
            new ChangeView(
                "rule-removed",
                now.source(),
                false,
                name + ": per-record rule " + describe(then) + " was removed"));
      } else if (!describe(then).equals(describe(current))) {
        boolean looser = looser(then, current);
        out.add(
            new ChangeView(
                "rule-changed",
                current.source(),
                !looser,
                name
                    + ": per-record rule changed from "
                    + describe(then)
                    + " to "
                    + describe(current)
                    + (looser ? "" : ": records that passed may now be dead-lettered")));
      }
    }
    for (Map.Entry<String, RecordRule> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        out.add(
            new ChangeView(
                "rule-added",
                e.getValue().source(),
                true,
                name
                    + ": per-record rule "
                    + describe(e.getValue())
                    + " was added: records that passed may now be dead-lettered"));
      }
    }
  }

  /** Rules by kind; required-ness is reported as {@code required-changed}. */
  private static Map<String, RecordRule> rulesByKind(List<RecordRule> rules) {
    Map<String, RecordRule> out = new LinkedHashMap<>();
    for (RecordRule r : rules) {
      if (!(r instanceof RecordRule.Required)) {
        out.putIfAbsent(r.getClass().getSimpleName(), r);
      }
    }
    return out;
  }

  /** True when every value the old rule accepted is still accepted. */
  private static boolean looser(RecordRule then, RecordRule now) {
    if (then instanceof RecordRule.ValidValues a && now instanceof RecordRule.ValidValues b) {
      return new HashSet<>(b.values()).containsAll(a.values());
    }
    if (then instanceof RecordRule.NotMissing a && now instanceof RecordRule.NotMissing b) {
      return new HashSet<>(a.markers()).containsAll(b.markers());
    }
    return false;
  }

  private static String describe(RecordRule rule) {
    if (rule instanceof RecordRule.ValidValues v) {
      return "validValues " + v.values();
    }
    if (rule instanceof RecordRule.Pattern p) {
      return "pattern " + p.regex();
    }
    if (rule instanceof RecordRule.NotMissing m) {
      return "missingValues " + m.markers();
    }
    if (rule instanceof RecordRule.Range r) {
      return "range "
          + (r.minimumExclusive() ? "(" : "[")
          + r.minimum().map(Object::toString).orElse("")
          + ", "
          + r.maximum().map(Object::toString).orElse("")
          + (r.maximumExclusive() ? ")" : "]");
    }
    if (rule instanceof RecordRule.Length l) {
      return "length ["
          + (l.minLength().isPresent() ? Integer.toString(l.minLength().getAsInt()) : "")
          + ", "
          + (l.maxLength().isPresent() ? Integer.toString(l.maxLength().getAsInt()) : "")
          + "]";
    }
    return "required";
  }

  private static String typeOf(FieldDefinition f) {
    return f.logicalType().odcsValue() + f.physicalType().map(p -> "/" + p).orElse("");
  }

  /** Avro's promotions (int to long, float to double) within one logical type. */
  private static boolean promotes(FieldDefinition old, FieldDefinition now) {
    if (old.logicalType() != now.logicalType()) {
      return false;
    }
    String a = old.physicalType().orElse("");
    String b = now.physicalType().orElse("");
    return (a.equals("int") && (b.equals("long") || b.isEmpty()))
        || (a.equals("float") && (b.equals("double") || b.isEmpty()));
  }

  private static Map<String, FieldDefinition> byPath(List<FieldDefinition> fields) {
    Map<String, FieldDefinition> out = new LinkedHashMap<>();
    fields.forEach(f -> out.putIfAbsent(f.path(), f));
    return out;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "" : path.substring(0, slash);
  }

  // ---- quality, SLAs, profile ----------------------------------------------------------------

  private static void quality(DataContract from, DataContract to, List<ChangeView> out) {
    Map<String, QualityRule> before = byName(from.qualityRules(), QualityRule::name);
    Map<String, QualityRule> after = byName(to.qualityRules(), QualityRule::name);
    for (QualityRule old : before.values()) {
      QualityRule now = after.get(old.name());
      if (now == null) {
        out.add(
            new ChangeView(
                "quality-removed",
                old.source(),
                false,
                "quality rule '" + old.name() + "' was removed"));
      } else if (!sameRule(old, now)) {
        out.add(
            new ChangeView(
                "quality-changed",
                now.source(),
                false,
                "quality rule '"
                    + now.name()
                    + "' changed: "
                    + old.metric()
                    + " "
                    + old.threshold()
                    + " per "
                    + Durations.format(old.window())
                    + " -> "
                    + now.metric()
                    + " "
                    + now.threshold()
                    + " per "
                    + Durations.format(now.window())));
      }
    }
    for (QualityRule now : after.values()) {
      if (!before.containsKey(now.name())) {
        out.add(
            new ChangeView(
                "quality-added",
                now.source(),
                false,
                "quality rule '" + now.name() + "' was added (alerts only, no record is refused)"));
      }
    }
  }

  private static boolean sameRule(QualityRule a, QualityRule b) {
    return a.metric() == b.metric()
        && a.fields().equals(b.fields())
        && a.threshold().equals(b.threshold())
        && a.unit() == b.unit()
        && a.window().equals(b.window())
        && a.severity() == b.severity()
        && a.validValues().equals(b.validValues())
        && a.pattern().equals(b.pattern())
        && a.missingValues().equals(b.missingValues());
  }

  private static void serviceLevels(DataContract from, DataContract to, List<ChangeView> out) {
    ServiceLevels a = from.serviceLevels();
    ServiceLevels b = to.serviceLevels();
    ContractPointers pointers = ContractPointers.of(to);
    sla("latency", a.latency(), b.latency(), false, pointers, out);
    sla("frequency", a.freshness(), b.freshness(), false, pointers, out);
    Duration oldRetention = from.kafka().certifiedRetention();
    Duration newRetention = to.kafka().certifiedRetention();
    if (!oldRetention.equals(newRetention)) {
      boolean shorter = newRetention.compareTo(oldRetention) < 0;
      out.add(
          new ChangeView(
              "sla-changed",
              pointers.slaProperty("retention"),
              shorter,
              "retention of the certified topic changed from "
                  + Durations.format(oldRetention)
                  + " to "
                  + Durations.format(newRetention)
                  + (shorter ? ": consumers can replay less" : "")
                  + " (existing topics are not reconfigured)"));
    }
    if (!a.throughput().equals(b.throughput())) {
      out.add(
          new ChangeView(
              "sla-changed",
              pointers.slaProperty("throughput"),
              false,
              "throughput expectation changed from "
                  + a.throughput().map(ContractDiffer::throughput).orElse("none")
                  + " to "
                  + b.throughput().map(ContractDiffer::throughput).orElse("none")));
    }
  }

  private static String throughput(ServiceLevels.Throughput t) {
    return "at least "
        + t.minRecords()
        + (t.maxRecords().isPresent() ? " and at most " + t.maxRecords().getAsLong() : "")
        + " records per "
        + Durations.format(t.window());
  }

  private static void sla(
      String name,
      Optional<Duration> before,
      Optional<Duration> after,
      boolean breaking,
      ContractPointers pointers,
      List<ChangeView> out) {
    if (!before.equals(after)) {
      out.add(
          new ChangeView(
              "sla-changed",
              pointers.slaProperty(name),
              breaking,
              name
                  + " SLA changed from "
                  + before.map(Durations::format).orElse("none")
                  + " to "
                  + after.map(Durations::format).orElse("none")));
    }
  }

  private static void profile(DataContract from, DataContract to, List<ChangeView> out) {
    KafkaProfile a = from.kafka();
    KafkaProfile b = to.kafka();
    ContractPointers pointers = ContractPointers.of(to);
    if (!a.keyField().equals(b.keyField())) {
      out.add(
          new ChangeView(
              "key-changed",
              pointers.customProperty("keyField"),
              true,
              "record key changed from "
                  + a.keyField().orElse("none")
                  + " to "
                  + b.keyField().orElse("none")
                  + ": partitioning, ordering and compaction change"));
    }
    if (a.partitions() != b.partitions()) {
      out.add(
          new ChangeView(
              "topic-changed",
              pointers.customProperty("partitions"),
              false,
              "partitions changed from "
                  + a.partitions()
                  + " to "
                  + b.partitions()
                  + " (existing topics keep their partition count)"));
    }
    if (a.compacted() != b.compacted()) {
      out.add(
          new ChangeView(
              "topic-changed",
              pointers.customProperty("compacted"),
              false,
              "certified topic compaction changed to "
                  + b.compacted()
                  + " (existing topics are not reconfigured)"));
    }
    if (!a.eventTimeField().equals(b.eventTimeField())) {
      out.add(
          new ChangeView(
              "topic-changed",
              pointers.customProperty("eventTimeField"),
              false,
              "event time field changed from "
                  + a.eventTimeField().orElse("record timestamp")
                  + " to "
                  + b.eventTimeField().orElse("record timestamp")));
    }
  }

  private static void header(DataContract from, DataContract to, List<ChangeView> out) {
    if (from.compatibility() != to.compatibility()) {
      out.add(
          new ChangeView(
              "compatibility-changed",
              ContractPointers.of(to).customProperty("compatibility"),
              false,
              "compatibility mode changed from "
                  + from.compatibility()
                  + " to "
                  + to.compatibility()));
    }
    if (from.status() != to.status()) {
      out.add(
          new ChangeView(
              "status-changed",
              "/status",
              false,
              "status changed from "
                  + from.status().odcsValue()
                  + " to "
                  + to.status().odcsValue()));
    }
    if (!from.owner().equals(to.owner())) {
      out.add(
          new ChangeView(
              "owner-changed",
              "/team",
              false,
              "owner changed from '" + from.owner() + "' to '" + to.owner() + "'"));
    }
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.putIfAbsent(name.apply(i), i));
    return out;
  }
}
