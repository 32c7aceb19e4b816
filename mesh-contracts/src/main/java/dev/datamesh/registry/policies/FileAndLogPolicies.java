package dev.datamesh.registry.policies;

import dev.datamesh.contracts.ContractViolation;
import dev.datamesh.contracts.policy.GovernancePolicies;
import dev.datamesh.contracts.policy.PolicyLoadResult;
import dev.datamesh.registry.store.RegistryState;
import dev.datamesh.registry.store.StoredPolicies;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link CouncilPolicies} from the configured file (read once, at start-up: a missing or invalid
 * file stops the service) and the log's {@code policies} fact (parsed once per text).
 */
@Singleton
final class FileAndLogPolicies implements CouncilPolicies {
  private final ActivePolicies configured;
  private volatile ActivePolicies lastStored; // cache: the log's text parsed

  FileAndLogPolicies(PoliciesConfig config) {
    this.configured = read(config);
  }

  @Override
  public ActivePolicies configured() {
    return configured;
  }

  @Override
  public ActivePolicies current(RegistryState state) {
    Optional<StoredPolicies> stored = state.policies();
    if (stored.isEmpty()) {
      return configured;
    }
    Optional<ActivePolicies> fromLog = parsed(stored.get());
    if (fromLog.isEmpty()) {
      return configured;
    }
    return configured.policies().version().compareTo(fromLog.get().policies().version()) > 0
        ? configured
        : fromLog.get();
  }

  private Optional<ActivePolicies> parsed(StoredPolicies stored) {
    ActivePolicies cached = lastStored;
    if (cached != null
        && cached.text().equals(stored.text())
        && cached.updatedAt().equals(Optional.of(Instant.ofEpochMilli(stored.updatedAt())))) {
      return Optional.of(cached);
    }
    // Only valid files are ever stored; an unreadable one (a newer format) is ignored.
    Optional<ActivePolicies> fresh =
        GovernancePolicies.parse(stored.text())
            .policies()
            .map(
                p ->
                    new ActivePolicies(
                        p,
                        stored.text(),
                        "log",
                        Optional.of(Instant.ofEpochMilli(stored.updatedAt()))));
    fresh.ifPresent(p -> lastStored = p);
    return fresh;
  }

  private static ActivePolicies read(PoliciesConfig config) {
    String text;
    String source;
    if (config.file() == null || config.file().isBlank()) {
      source = "classpath:" + GovernancePolicies.DEFAULT_RESOURCE.substring(1);
      try (InputStream in =
          GovernancePolicies.class.getResourceAsStream(GovernancePolicies.DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing " + source);
        }
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source, e);
      }
    } else {
      Path path = Path.of(config.file());
      source = "file:" + path.toAbsolutePath();
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(
            "mesh.registry.policies.file: cannot read " + path.toAbsolutePath(), e);
      }
    }
    PolicyLoadResult result = GovernancePolicies.parse(text);
    GovernancePolicies policies =
        result
            .policies()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "invalid policy file "
                            + source
                            + ": "
                            + result.violations().stream()
                                .map(ContractViolation::toString)
                                .collect(Collectors.joining("; "))));
    return new ActivePolicies(policies, text, source, Optional.empty());
  }
}
