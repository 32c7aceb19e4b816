package dev.datamesh.quality.streams;

/**
 * What the quality task remembers about one product between records (a store value): when it learnt
 * of the product and the newest certified event time seen, for freshness. Mutable; owned by one
 * stream thread.
 */
final class ProductState {
  long firstKnownAt;
  long newestEventTime = -1;

  ProductState() {}

  static ProductState knownSince(long wallClock) {
    ProductState state = new ProductState();
    state.firstKnownAt = wallClock;
    return state;
  }

  /** The time freshness is measured from: the newest event, else when the product became known. */
  long freshnessReference() {
    return newestEventTime >= 0 ? newestEventTime : firstKnownAt;
  }
}
