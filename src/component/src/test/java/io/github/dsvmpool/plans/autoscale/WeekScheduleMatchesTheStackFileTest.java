package io.github.dsvmpool.plans.autoscale;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.DayNames;
import io.github.dsvmpool.config.autoscale.PredictiveMode;
import io.github.dsvmpool.config.autoscale.ScaleInPolicy;
import io.github.dsvmpool.config.autoscale.WeekSchedule;
import io.github.dsvmpool.problems.InvalidConfigurationException;
import io.github.dsvmpool.problems.Problems;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The typed builder and the stack file agree: for generated calls, valid and invalid, {@link WeekSchedule} gives the
 * settings, or refuses with the problems, that the parser gives for the same schedule written as the stack
 * setting's JSON (written here, independently of the builder).
 */
class WeekScheduleMatchesTheStackFileTest {
    record Window(String name, Set<DayOfWeek> days, int startHour, int endHour, int minimum, int defaultCount,
                  int maximum) {
    }

    record Dated(String name, LocalDateTime start, LocalDateTime end, int minimum, int maximum) {
    }

    record Calls(Optional<String> timeZone, List<Window> windows, Optional<int[]> offHours, List<Dated> dates,
                 Optional<int[]> cpu, Optional<Integer> lookAhead, Optional<Integer> terminate,
                 Optional<Double> spotPrice, Optional<ScaleInPolicy> policy) {
        @Override
        public String toString() {
            return json();
        }

        AutoscaleSettings build() {
            var builder = WeekSchedule.builder();
            timeZone.ifPresent(builder::timeZone);
            windows.forEach(w -> builder.workingHours(w.name(), w.days(), w.startHour(), w.endHour(), w.minimum(),
                    w.defaultCount(), w.maximum()));
            offHours.ifPresent(off -> builder.offHours(off[0], off[1]));
            dates.forEach(d -> builder.fixedDate(d.name(), d.start(), d.end(), d.minimum(), d.maximum()));
            cpu.ifPresent(c -> builder.cpuThresholds(c[0], c[1]).cpuWindow(c[2], c[3]).cpuSteps(c[4], c[5], c[6], c[7]));
            lookAhead.ifPresent(minutes -> builder.predictive(PredictiveMode.ForecastOnly, minutes));
            terminate.ifPresent(builder::terminateNotificationMinutes);
            spotPrice.ifPresent(builder::spot);
            policy.ifPresent(builder::scaleInPolicy);
            return builder.build();
        }

        String json() {
            var root = new JsonObject();
            timeZone.ifPresent(zone -> root.addProperty("timeZone", zone));
            if (!windows.isEmpty()) {
                var list = new JsonArray();
                for (Window w : windows) {
                    var window = new JsonObject();
                    window.addProperty("name", w.name());
                    var days = new JsonArray();
                    w.days().stream().sorted().forEach(day -> days.add(DayNames.azure(day)));
                    window.add("days", days);
                    window.addProperty("startHour", w.startHour());
                    window.addProperty("endHour", w.endHour());
                    window.addProperty("minimum", w.minimum());
                    window.addProperty("default", w.defaultCount());
                    window.addProperty("maximum", w.maximum());
                    list.add(window);
                }
                root.add("workingHours", list);
            }
            offHours.ifPresent(off -> {
                var object = new JsonObject();
                object.addProperty("minimum", off[0]);
                object.addProperty("maximum", off[1]);
                root.add("offHours", object);
            });
            if (!dates.isEmpty()) {
                var list = new JsonArray();
                for (Dated d : dates) {
                    var date = new JsonObject();
                    date.addProperty("name", d.name());
                    if (d.start() != null) {
                        date.addProperty("start", d.start().toString());
                    }
                    if (d.end() != null) {
                        date.addProperty("end", d.end().toString());
                    }
                    date.addProperty("minimum", d.minimum());
                    date.addProperty("maximum", d.maximum());
                    list.add(date);
                }
                root.add("fixedDates", list);
            }
            cpu.ifPresent(c -> {
                var object = new JsonObject();
                String[] keys = {"scaleOutAbovePercent", "scaleInBelowPercent", "timeWindowMinutes", "timeGrainMinutes",
                        "scaleOutStep", "scaleInStep", "scaleOutCooldownMinutes", "scaleInCooldownMinutes"};
                for (int i = 0; i < keys.length; i++) {
                    object.addProperty(keys[i], c[i]);
                }
                root.add("cpu", object);
            });
            lookAhead.ifPresent(minutes -> {
                var object = new JsonObject();
                object.addProperty("mode", PredictiveMode.ForecastOnly.name());
                object.addProperty("lookAheadMinutes", minutes);
                root.add("predictive", object);
            });
            terminate.ifPresent(minutes -> root.addProperty("terminateNotificationMinutes", minutes));
            spotPrice.ifPresent(price -> {
                var object = new JsonObject();
                object.addProperty("enabled", true);
                object.addProperty("maxPrice", price);
                root.add("spot", object);
            });
            policy.ifPresent(p -> root.addProperty("scaleInPolicy", p.name()));
            return root.toString();
        }
    }

    @Property(tries = 400)
    void theBuilderGivesWhatTheStackFileGives(@ForAll("calls") Calls calls) {
        var fromStackFile = new Problems();
        AutoscaleSettings parsed = AutoscaleSettingsParser.parseWithoutValidation(calls.json(),
                AutoscaleLimits.LARGEST_POOL, fromStackFile);
        try {
            AutoscaleSettings built = calls.build();
            assertThat(fromStackFile.list()).isEmpty();
            assertThat(built).isEqualTo(parsed);
        } catch (InvalidConfigurationException refused) {
            assertThat(refused.problems()).containsExactlyInAnyOrderElementsOf(fromStackFile.list());
        }
    }

    @Provide
    Arbitrary<Calls> calls() {
        Arbitrary<Integer> count = Arbitraries.oneOf(Arbitraries.integers().between(0, 12),
                Arbitraries.of(-1, 1000, 1001));
        Arbitrary<String> name = Arbitraries.of("office", "late-shift", "Office Hours", "", "a".repeat(41));
        Arbitrary<Window> window = Combinators.combine(name, Arbitraries.subsetOf(DayOfWeek.values()),
                Arbitraries.integers().between(-1, 25), Arbitraries.integers().between(0, 25), count, count, count)
                .as(Window::new);
        Arbitrary<LocalDateTime> when = Arbitraries.of(LocalDateTime.of(2026, 12, 24, 0, 0),
                LocalDateTime.of(2027, 1, 2, 6, 30)).injectNull(0.2);
        Arbitrary<Dated> dated = Combinators.combine(name, when, when, count, count).as(Dated::new);
        Arbitrary<int[]> pair = Combinators.combine(count, count).as((a, b) -> new int[] {a, b});
        Arbitrary<int[]> cpu = Combinators.combine(List.of(Arbitraries.integers().between(0, 101),
                Arbitraries.integers().between(-1, 100), Arbitraries.integers().between(4, 721),
                Arbitraries.integers().between(0, 721), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 11000),
                Arbitraries.integers().between(0, 11000))).as(values -> values.stream().mapToInt(Integer::intValue).toArray());
        Arbitrary<Calls> first = Combinators.combine(
                Arbitraries.of("UTC", "Europe/Berlin", "W. Europe Standard Time", "Mars/Olympus").optional(),
                window.list().ofMaxSize(3), pair.optional(), dated.list().ofMaxSize(2), cpu.optional(),
                Arbitraries.integers().between(0, 61).optional(), Arbitraries.integers().between(-1, 16).optional(),
                Arbitraries.of(-1.0, 0.0, 0.25, -3.0).optional())
                .as((zone, windows, off, dates, rules, look, terminate, spot) -> new Calls(zone, windows, off, dates,
                        rules, look, terminate, spot, Optional.empty()));
        return Combinators.combine(first, Arbitraries.of(ScaleInPolicy.values()).optional())
                .as((calls, policy) -> new Calls(calls.timeZone(), calls.windows(), calls.offHours(), calls.dates(),
                        calls.cpu(), calls.lookAhead(), calls.terminate(), calls.spotPrice(), policy));
    }
}
