package dev.datamesh.lineage;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;

/** Turns the framework's own 4xx answers into the API's {@code {error_code, message}} form. */
@Controller
final class ApiErrorController {

  /**
   * Also called for the catalog's own 404s (a status handler replaces every 404 answer): a request
   * that matched a route was a lookup of an unknown product.
   */
  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<String> notFound(HttpRequest<?> request) {
    if (RouteAttributes.getRouteMatch(request).isPresent()
        && request.getPath().startsWith("/api/products/")) {
      String id = request.getPath().substring("/api/products/".length()).split("/")[0];
      return ApiReply.error(
          LineageErrorCode.PRODUCT_NOT_FOUND, "no product '" + id + "' in the catalog");
    }
    return ApiReply.error(LineageErrorCode.NOT_FOUND, "no such path: " + request.getPath());
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  HttpResponse<String> methodNotAllowed(HttpRequest<?> request) {
    return ApiReply.error(
        LineageErrorCode.METHOD_NOT_ALLOWED,
        request.getMethodName() + " is not allowed on " + request.getPath());
  }

  @Error(global = true, exception = UnsatisfiedRouteException.class)
  HttpResponse<String> unsatisfied(UnsatisfiedRouteException e) {
    return ApiReply.error(LineageErrorCode.BAD_REQUEST, e.getMessage());
  }

  @Error(global = true, exception = ConversionErrorException.class)
  HttpResponse<String> conversion(ConversionErrorException e) {
    return ApiReply.error(LineageErrorCode.BAD_REQUEST, e.getMessage());
  }
}
