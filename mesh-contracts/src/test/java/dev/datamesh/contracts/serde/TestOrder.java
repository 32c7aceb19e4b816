package dev.datamesh.contracts.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written specific record, as avro-maven-plugin would generate (trimmed), for the serde's
 * {@code SpecificRecord} paths.
 */
public final class TestOrder extends SpecificRecordBase {
  public static final Schema SCHEMA$ =
      new Schema.Parser()
          .parse(
              """
              {"type":"record","name":"TestOrder","namespace":"dev.datamesh.contracts.serde",
               "fields":[{"name":"id","type":"long"},
                         {"name":"customer","type":"string"},
                         {"name":"amount","type":["null","int"],"default":null}]}
              """);

  private long id;
  private String customer;
  private Integer amount;

  public TestOrder() {}

  public TestOrder(long id, String customer, Integer amount) {
    this.id = id;
    this.customer = customer;
    this.amount = amount;
  }

  public static Schema getClassSchema() {
    return SCHEMA$;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(int field) {
    return switch (field) {
      case 0 -> id;
      case 1 -> customer;
      case 2 -> amount;
      default -> throw new IndexOutOfBoundsException(field);
    };
  }

  @Override
  public void put(int field, Object value) {
    switch (field) {
      case 0 -> id = (Long) value;
      case 1 -> customer = value == null ? null : value.toString();
      case 2 -> amount = (Integer) value;
      default -> throw new IndexOutOfBoundsException(field);
    }
  }

  public long getId() {
    return id;
  }

  public String getCustomer() {
    return customer;
  }

  public Integer getAmount() {
    return amount;
  }
}
