package dev.datamesh.lineage;

import dev.datamesh.contracts.ProductId;
import dev.datamesh.lineage.catalog.Catalog;
import dev.datamesh.lineage.catalog.ProductQuery;
import dev.datamesh.lineage.catalog.ProductStatus;
import dev.datamesh.lineage.catalog.ProductSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalog API (JSON): products with search, one product, its lineage and consumers, and the
 * whole lineage graph. Bad input gets a 4xx with {@code {error_code, message}} ({@link
 * LineageErrorCode}).
 */
@Controller("/api")
final class CatalogController {
  private final Catalog catalog;

  CatalogController(LineageService service) {
    this.catalog = service.catalog();
  }

  @Get(uri = "/products", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> products(
      @QueryValue @Nullable String q,
      @QueryValue @Nullable String domain,
      @QueryValue @Nullable String owner,
      @QueryValue @Nullable String tag,
      @QueryValue @Nullable String status) {
    Optional<ProductStatus> wanted = Optional.empty();
    if (status != null && !status.isBlank()) {
      wanted = ProductStatus.parse(status);
      if (wanted.isEmpty()) {
        return ApiReply.error(
            LineageErrorCode.STATUS_FILTER_INVALID,
            "status must be one of healthy, degraded, failing, stale, unknown: '" + status + "'");
      }
    }
    List<ProductSummary> products =
        catalog.search(
            new ProductQuery(
                Optional.ofNullable(q),
                Optional.ofNullable(domain),
                Optional.ofNullable(owner),
                Optional.ofNullable(tag),
                wanted));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("count", products.size());
    body.put("ready", catalog.ready());
    body.put("products", products);
    return ApiReply.ok(body);
  }

  @Get(uri = "/products/{productId}", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> product(@PathVariable String productId) {
    return forProduct(productId, catalog::product);
  }

  @Get(uri = "/products/{productId}/lineage", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> productLineage(@PathVariable String productId) {
    return forProduct(productId, catalog::productGraph);
  }

  @Get(uri = "/products/{productId}/consumers", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> consumers(@PathVariable String productId) {
    return forProduct(
        productId,
        id ->
            catalog
                .consumers(id)
                .map(
                    list -> {
                      Map<String, Object> body = new LinkedHashMap<>();
                      body.put("productId", id);
                      body.put("topic", id + ".certified");
                      body.put("consumers", list);
                      return body;
                    }));
  }

  @Get(uri = "/lineage", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> lineage() {
    return ApiReply.ok(catalog.graph());
  }

  private static HttpResponse<String> forProduct(
      String productId, Function<String, Optional<?>> lookup) {
    if (ProductId.parse(productId).isEmpty()) {
      return ApiReply.error(
          LineageErrorCode.PRODUCT_ID_INVALID,
          "not a product id (<domain>.<product>, lower-case kebab segments): '" + productId + "'");
    }
    return lookup
        .apply(productId)
        .<HttpResponse<String>>map(ApiReply::ok)
        .orElseGet(
            () ->
                ApiReply.error(
                    LineageErrorCode.PRODUCT_NOT_FOUND,
                    "no product '" + productId + "' in the catalog"));
  }
}
