package dev.datamesh.quality;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.topics.MeshJson;
import dev.datamesh.topics.ProductHealthEvent;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /quality/products} and {@code GET /quality/products/{id}}: the latest health and open
 * alerts (a {@code ProductHealthEvent} as JSON), from the global health store. Errors are {@code
 * {error_code, message}} with a {@link QualityErrorCode}.
 */
@Controller("/quality")
final class QualityController {
  private final QualityStreams streams;

  QualityController(QualityStreams streams) {
    this.streams = streams;
  }

  @Get(value = "/products", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> products() {
    if (!streams.queryable()) {
      return unavailable();
    }
    List<ProductHealthEvent> all =
        streams.allHealth().stream()
            .sorted(Comparator.comparing(ProductHealthEvent::productId))
            .toList();
    return HttpResponse.ok(json(all));
  }

  @Get(value = "/products/{productId}", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> product(String productId) {
    if (ProductId.parse(productId).isEmpty()) {
      return error(
          HttpStatus.BAD_REQUEST,
          QualityErrorCode.PRODUCT_ID_INVALID,
          "not a product id (<domain>.<product>, lower-case kebab case): " + productId);
    }
    if (!streams.queryable()) {
      return unavailable();
    }
    Optional<ProductHealthEvent> health = streams.health(productId);
    return health
        .<HttpResponse<String>>map(h -> HttpResponse.ok(json(h)))
        .orElseGet(
            () ->
                error(
                    HttpStatus.NOT_FOUND,
                    QualityErrorCode.PRODUCT_UNKNOWN,
                    "no quality verdict for " + productId + " (no contract, or not checked yet)"));
  }

  private static HttpResponse<String> unavailable() {
    return error(
        HttpStatus.SERVICE_UNAVAILABLE,
        QualityErrorCode.QUALITY_UNAVAILABLE,
        "the quality streams are not running yet; retry shortly");
  }

  private static HttpResponse<String> error(
      HttpStatus status, QualityErrorCode code, String message) {
    return HttpResponse.<String>status(status)
        .contentType(MediaType.APPLICATION_JSON_TYPE)
        .body(json(Map.of("error_code", code.name(), "message", message)));
  }

  private static String json(Object value) {
    return new String(MeshJson.write(value), StandardCharsets.UTF_8);
  }
}
