package dev.datamesh.registry.http;

import dev.datamesh.registry.RegistryErrorCode;
import dev.datamesh.registry.subjects.Outcome;
import io.micronaut.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Outcome}s as HTTP answers. */
final class Answers {
  private static final Logger LOG = LoggerFactory.getLogger(Answers.class);

  private Answers() {}

  static HttpResponse<byte[]> of(Outcome<?> outcome) {
    if (outcome instanceof Outcome.Ok<?> ok) {
      return RegistryReplies.ok(ok.value());
    }
    return RegistryReplies.error(((Outcome.Failed<?>) outcome).error());
  }

  static CompletableFuture<HttpResponse<byte[]>> of(
      CompletableFuture<? extends Outcome<?>> pending) {
    return pending.handle(
        (outcome, failure) -> {
          if (failure == null) {
            return of(outcome);
          }
          Throwable cause =
              failure instanceof CompletionException && failure.getCause() != null
                  ? failure.getCause()
                  : failure;
          if (cause instanceof TimeoutException) {
            return RegistryReplies.error(
                RegistryErrorCode.STORE_TIMEOUT, "Store timeout: " + cause.getMessage());
          }
          LOG.error("registry write failed", cause);
          return RegistryReplies.error(
              RegistryErrorCode.STORE_ERROR, "Error while writing to the registry log");
        });
  }

  /** A refusal as an already completed answer (for bodies that fail to parse). */
  static CompletableFuture<HttpResponse<byte[]>> now(Outcome<?> outcome) {
    return CompletableFuture.completedFuture(of(outcome));
  }
}
