package io.github.dsvmpool.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmarks' median: the middle value, or the two middle ones' mean rounded down, in any input order. */
class MedianTest {
    @Test
    void oddCountsTakeTheMiddleValue() {
        assertThat(Median.of(List.of(900L, 100L, 500L))).isEqualTo(500);
        assertThat(Median.of(List.of(7L))).isEqualTo(7);
    }

    @Test
    void evenCountsTakeTheMeanOfTheTwoMiddleValuesRoundedDown() {
        assertThat(Median.of(List.of(4L, 1L, 3L, 2L))).isEqualTo(2);
        assertThat(Median.of(List.of(10L, 20L))).isEqualTo(15);
    }

    @Test
    void aMeasureOfEachSample() {
        record Run(long millis) {
        }
        assertThat(Median.of(List.of(new Run(30), new Run(10), new Run(20)), Run::millis)).isEqualTo(20);
    }

    @Test
    void noValuesIsAnError() {
        assertThatThrownBy(() -> Median.of(List.<Long>of())).isInstanceOf(IllegalArgumentException.class);
    }
}
