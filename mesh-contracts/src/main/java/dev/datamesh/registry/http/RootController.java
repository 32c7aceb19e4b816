package dev.datamesh.registry.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.util.List;
import java.util.Map;

/** {@code GET /} (health checks) and {@code GET /contexts} (only the default context). */
@Controller
@Produces(RegistryReplies.CONTENT_TYPE)
final class RootController {

  @Get
  HttpResponse<byte[]> root() {
    return RegistryReplies.ok(Map.of());
  }

  @Get("/contexts")
  HttpResponse<byte[]> contexts() {
    return RegistryReplies.ok(List.of("."));
  }
}
