package dev.datamesh.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProduceCommandTest {

  @Test
  void oneObjectIsSentAsItIs() {
    assertThat(ProduceCommand.events("{\"a\": 1}").toString()).isEqualTo("{\"a\":1}");
  }

  @Test
  void anArrayIsSentAsItIs() {
    assertThat(ProduceCommand.events("[{\"a\": 1}, {\"a\": 2}]").size()).isEqualTo(2);
  }

  @Test
  void oneObjectPerLineBecomesAnArray() {
    assertThat(ProduceCommand.events("{\"a\": 1}\n\n{\"a\": 2}\n").toString())
        .isEqualTo("[{\"a\":1},{\"a\":2}]");
  }

  @Test
  void brokenJsonIsAClearErrorNamingTheEvent() {
    assertThatThrownBy(() -> ProduceCommand.events("{\"a\": 1}\n{\"a\": "))
        .isInstanceOf(CliFailure.class)
        .hasMessageStartingWith("The input is not JSON (event 2)");
    assertThatThrownBy(() -> ProduceCommand.events("  "))
        .isInstanceOf(CliFailure.class)
        .hasMessage("No JSON events in the input");
  }
}
