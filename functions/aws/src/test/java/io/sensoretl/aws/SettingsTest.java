package io.sensoretl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final Settings settings = Settings.of(Map.of("LEDGER_TABLE", "ledger", "BLANK", "  ", "PARALLELISM", "16",
            "BROKEN", "sixteen"));

    @Test
    void aRequiredSettingThatIsMissingOrBlankIsNamed() {
        assertThat(settings.required("LEDGER_TABLE")).isEqualTo("ledger");
        assertThatThrownBy(() -> settings.required("LATEST_TABLE")).isInstanceOf(IllegalStateException.class)
                .hasMessage("environment variable LATEST_TABLE is not set");
        assertThatThrownBy(() -> settings.required("BLANK")).hasMessage("environment variable BLANK is not set");
    }

    @Test
    void numbersHaveDefaultsAndABadOneIsNamedWithItsValue() {
        assertThat(settings.intValue("PARALLELISM", 4)).isEqualTo(16);
        assertThat(settings.intValue("ABSENT", 4)).isEqualTo(4);
        assertThat(settings.longValue("BLANK", 7L)).isEqualTo(7L);
        assertThatThrownBy(() -> settings.intValue("BROKEN", 4))
                .hasMessage("environment variable BROKEN must be a whole number, found 'sixteen'");
    }
}
