package dev.datamesh.contracts;

import java.util.Objects;

/** One support channel ({@code support[i]}); absent parts are empty strings. */
public record SupportChannel(
    String channel, String tool, String url, String scope, String description) {

  public SupportChannel {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(description, "description");
  }
}
