package dev.datamesh.service;

import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.event.ApplicationShutdownEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.apache.kafka.clients.admin.AdminClient;

/**
 * Closes micronaut-kafka's shared {@link AdminClient} when a service shuts down, after every other
 * listener of the shutdown event.
 *
 * <p>Why: micronaut-kafka (5.8+) has a listener for the shutdown event that needs the admin client.
 * In a service whose {@code /health} was never asked (the Kafka health check is the client's other
 * user) that listener makes the client while the service is stopping, which can be after the
 * context has closed its singletons, so the client outlived every stopped service: a thread and a
 * connection each, retrying a stopped broker with a warning twice a second (400 lines at the end of
 * {@code ./mesh bench}). Closing whatever client exists once the event has been handled does not
 * depend on the order in which the context closes its beans. Closing twice is harmless.
 */
@Singleton
@Requires(beans = AdminClient.class)
final class KafkaAdminShutdown
    implements ApplicationEventListener<ApplicationShutdownEvent>, Ordered {
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private final BeanContext context;

  KafkaAdminShutdown(BeanContext context) {
    this.context = context;
  }

  @Override
  public void onApplicationEvent(ApplicationShutdownEvent event) {
    // only clients already made: asking for the bean would make one just to close it
    for (BeanRegistration<AdminClient> admin :
        context.getActiveBeanRegistrations(AdminClient.class)) {
      admin.bean().close(CLOSE_TIMEOUT);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE; // after micronaut-kafka's own listener, which uses the client
  }
}
