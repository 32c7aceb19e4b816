package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.datamesh.contracts.ProductTopics;

/** A product's topic names. */
@JsonPropertyOrder({"raw", "certified", "deadLetter"})
public record TopicsView(String raw, String certified, String deadLetter) {

  static TopicsView of(ProductTopics topics) {
    return new TopicsView(topics.raw(), topics.certified(), topics.deadLetter());
  }
}
