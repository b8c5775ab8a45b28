package io.github.dsvmpool.vm.windows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WindowsHealthProbeTest {
    @Test
    void probesRemoteDesktopOverTcpWithinAzuresLimits() {
        var settings = WindowsHealthProbe.settings();
        assertThat(settings).containsExactly(
                java.util.Map.entry("protocol", "tcp"),
                java.util.Map.entry("port", 3389),
                java.util.Map.entry("intervalInSeconds", 15),
                java.util.Map.entry("numberOfProbes", 4));
        assertThat(settings).doesNotContainKey("requestPath");
        assertThat((int) settings.get("intervalInSeconds")).isBetween(5, 60);
        assertThat((int) settings.get("numberOfProbes")).isBetween(1, 24);
        assertThat(WindowsHealthProbe.TYPE).isEqualTo("ApplicationHealthWindows");
        assertThat(WindowsHealthProbe.VERSION).isEqualTo("1.0");
    }
}
