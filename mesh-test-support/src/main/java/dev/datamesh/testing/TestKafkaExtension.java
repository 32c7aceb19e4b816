package dev.datamesh.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the shared {@link TestKafka} into test constructors, lifecycle methods and test methods:
 *
 * <pre>{@code
 * @ExtendWith(TestKafkaExtension.class)
 * class OrdersIT {
 *   @Test void certifiesValidOrders(TestKafka kafka) { ... }
 * }
 * }</pre>
 */
public final class TestKafkaExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestKafka.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return TestKafka.shared();
  }
}
