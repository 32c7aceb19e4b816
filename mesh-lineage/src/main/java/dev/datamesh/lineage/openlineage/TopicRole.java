package dev.datamesh.lineage.openlineage;

import dev.datamesh.contracts.ProductTopics;

/** The three topics of a data product and how they are described in lineage. */
enum TopicRole {
  RAW("raw", "RAW"),
  CERTIFIED("certified", "CERTIFIED"),
  DEAD_LETTER("dead-letter", "DEAD_LETTER");

  private final String json;
  private final String subType;

  TopicRole(String json, String subType) {
    this.json = json;
    this.subType = subType;
  }

  String json() {
    return json;
  }

  /** The datasetType facet's subType. */
  String subType() {
    return subType;
  }

  String topic(ProductTopics topics) {
    return switch (this) {
      case RAW -> topics.raw();
      case CERTIFIED -> topics.certified();
      case DEAD_LETTER -> topics.deadLetter();
    };
  }
}
