package dev.datamesh.registry.auth;

import dev.datamesh.registry.RegistryError;
import dev.datamesh.registry.http.RegistryReplies;
import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.uri.UriMatchInfo;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;

/**
 * Refuses requests to {@link WriteAccess} endpoints that lack a token allowed by the {@link
 * AccessPolicy}, before the body is read. A no-op when {@code mesh.registry.auth.enabled=false}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class WriteAccessFilter {
  private final AuthConfig config;
  private final AccessPolicy policy;

  WriteAccessFilter(AuthConfig config) {
    this.config = config;
    this.policy = AccessPolicy.of(config);
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> authorize(HttpRequest<?> request) {
    if (!config.enabled()) {
      return null;
    }
    Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
    if (match.isEmpty()) {
      return null;
    }
    AnnotationMetadata annotations = match.get().getRouteInfo().getAnnotationMetadata();
    if (!annotations.hasAnnotation(WriteAccess.class)) {
      return null;
    }
    if (annotations.booleanValue(WriteAccess.class, "ownerInBody").orElse(false)) {
      return policy
          .authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION))
          .<HttpResponse<?>>map(RegistryReplies::error)
          .orElse(null);
    }
    boolean global = annotations.booleanValue(WriteAccess.class, "global").orElse(false);
    String subject =
        global
            ? null
            : BasicHttpAttributes.getRouteMatchInfo(request)
                .map(UriMatchInfo::getVariableValues)
                .map(v -> v.get("subject"))
                .map(Object::toString)
                .orElse(null);
    Optional<RegistryError> denied =
        policy.check(request.getHeaders().get(HttpHeaders.AUTHORIZATION), subject);
    return denied.<HttpResponse<?>>map(RegistryReplies::error).orElse(null);
  }
}
