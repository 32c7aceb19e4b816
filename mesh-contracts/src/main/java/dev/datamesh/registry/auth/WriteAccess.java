package dev.datamesh.registry.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an HTTP endpoint that changes the registry, so it needs a token ({@link AccessPolicy}). A
 * subject-scoped endpoint names the subject in its {@code {subject}} path variable; a global one
 * ({@code global = true}) needs the council's token; one whose owner is in the body ({@code
 * ownerInBody = true}) needs any known token here and the owner's later.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WriteAccess {

  /** True for global settings, which only the council may change. */
  boolean global() default false;

  /**
   * True when the owner is named in the request body (a contract): the filter then only checks that
   * the token is known (401), and the endpoint checks the owning domain ({@link
   * AccessPolicy#checkDomain}) once it has read the body.
   */
  boolean ownerInBody() default false;
}
