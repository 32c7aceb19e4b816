package dev.datamesh.registry.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.datamesh.contracts.DataContract;
import dev.datamesh.contracts.SemanticVersion;
import dev.datamesh.contracts.odcs.ContractLoader;
import dev.datamesh.registry.RegistryJson;
import dev.datamesh.registry.store.StoredContract;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stored contracts turned back into the model (loaded without policies: a contract accepted under
 * older policies stays readable) and into API views. Loading is cached by document text, so the
 * writer thread's governance checks stay cheap. Thread-safe.
 */
@Singleton
final class ContractDocuments {
  private static final Logger LOG = LoggerFactory.getLogger(ContractDocuments.class);

  private final ContractLoader loader = ContractLoader.create();
  private final Cache<String, Optional<DataContract>> loaded =
      Caffeine.newBuilder().maximumSize(512).build();

  /** The model of a stored contract; empty (and logged) if it no longer loads. */
  Optional<DataContract> load(StoredContract stored) {
    return loaded.get(stored.document(), text -> fresh(stored.productId(), text));
  }

  private Optional<DataContract> fresh(String productId, String text) {
    Optional<DataContract> contract = loader.load(text).contract();
    if (contract.isEmpty()) {
      LOG.warn("a stored contract of {} does not load any more", productId);
    }
    return contract;
  }

  /** The API view of a stored contract. */
  static ContractView view(StoredContract stored) {
    String raw = stored.productId() + ".raw";
    String certified = stored.productId() + ".certified";
    return new ContractView(
        stored.productId(),
        stored.version(),
        stored.status(),
        Instant.ofEpochMilli(stored.registeredAt()).toString(),
        stored.domain(),
        stored.owner(),
        stored.compatibility(),
        stored.schemaId(),
        raw + "-value",
        certified + "-value",
        new TopicsView(raw, certified, stored.productId() + ".dlq"),
        stored.policyVersion(),
        null,
        document(stored));
  }

  /** The summary of a stored contract for listings. */
  static ContractSummaryView summary(StoredContract stored) {
    return new ContractSummaryView(
        stored.productId(),
        stored.version(),
        stored.status(),
        Instant.ofEpochMilli(stored.registeredAt()).toString(),
        stored.domain(),
        stored.owner(),
        stored.schemaId());
  }

  /** The stored document as JSON. */
  static JsonNode document(StoredContract stored) {
    try {
      return RegistryJson.mapper().readTree(stored.document());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored contract of " + stored.productId() + " is not JSON", e);
    }
  }

  /**
   * True when the stored document equals {@code document} as JSON (formatting and member order
   * aside). Both sides are read by one mapper, so numbers compare alike.
   */
  static boolean sameDocument(StoredContract stored, JsonNode document) {
    String text = document.toString();
    if (stored.document().equals(text)) {
      return true;
    }
    try {
      return document(stored).equals(RegistryJson.mapper().readTree(text));
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  /** The major version of a stored contract. */
  static int major(StoredContract stored) {
    return SemanticVersion.parse(stored.version()).map(SemanticVersion::major).orElse(0);
  }
}
