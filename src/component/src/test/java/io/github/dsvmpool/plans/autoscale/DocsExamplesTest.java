package io.github.dsvmpool.plans.autoscale;

import io.github.dsvmpool.config.autoscale.AutoscaleSettings;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.config.autoscale.Capacity;
import io.github.dsvmpool.config.autoscale.TimeZones;

import com.google.gson.Gson;
import io.github.dsvmpool.problems.Problems;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples and lists in docs/autoscale.md must stay true to the code. */
class DocsExamplesTest {

    private static final Path DOC = Path.of("docs", "autoscale.md");

    private static String doc() throws IOException {
        return Files.readString(DOC);
    }

    /** The stack-file examples: every ```yaml block that configures dsvm-pool:autoscale. */
    private static List<Map<String, Object>> examples() throws IOException {
        List<Map<String, Object>> configs = new ArrayList<>();
        Matcher block = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc());
        while (block.find()) {
            if (block.group(1).contains("dsvm-pool:autoscale:")) {
                Map<String, Object> stack = new Yaml().load(block.group(1));
                @SuppressWarnings("unchecked")
                Map<String, Object> config = (Map<String, Object>) stack.get("config");
                configs.add(config);
            }
        }
        return configs;
    }

    private static AutoscaleSettings parse(Map<String, Object> config) {
        Problems problems = new Problems();
        int poolMaximum = (Integer) config.get("dsvm-pool:maxInstanceCount");
        AutoscaleSettings settings = AutoscaleSettingsValidator.parseAndValidate(new Gson().toJson(config.get("dsvm-pool:autoscale")),
                poolMaximum, problems);
        assertThat(problems.list()).isEmpty();
        return settings;
    }

    @Test
    void devAndProdExamplesAreValid() throws IOException {
        List<Map<String, Object>> examples = examples();

        assertThat(examples).hasSize(2);
        AutoscaleSettings dev = parse(examples.get(0));
        assertThat(dev.timeZone()).isEqualTo("W. Europe Standard Time");
        assertThat(dev.terminateNotificationMinutes()).isZero();
        assertThat(ProfilePlanner.plan(dev)).extracting(ProfilePlan::name).containsExactly("working-office", "off-hours-1700");
    }

    @Test
    void prodExampleGeneratesTheDocumentedProfiles() throws IOException {
        AutoscaleSettings prod = parse(examples().get(1));

        List<ProfilePlan> plans = ProfilePlanner.plan(prod);

        assertThat(plans).extracting(ProfilePlan::name).containsExactly("fixed-christmas", "fixed-spring-course",
                "working-weekdays", "working-saturday", "off-hours-1600", "off-hours-1900");
        for (ProfilePlan plan : plans) {
            Capacity capacity = plan.capacity();
            String row = "| `" + plan.name() + "` |";
            assertThat(doc()).contains(row);
            String line = doc().lines().filter(l -> l.startsWith(row)).findFirst().orElseThrow();
            assertThat(line).contains(capacity.minimum() + "/" + capacity.defaultCount() + "/" + capacity.maximum())
                    .endsWith(plan.cpuRules() ? "| yes |" : "| no |");
        }
    }

    @Test
    void timeZoneListsMatchTheCode() throws IOException {
        String doc = doc();
        String windows = between(doc, "<!-- windows-ids:start -->", "<!-- windows-ids:end -->");
        List<String> listed = new ArrayList<>();
        Matcher id = Pattern.compile("`([^`]+)`").matcher(windows);
        while (id.find()) {
            listed.add(id.group(1));
        }
        assertThat(listed).containsExactlyElementsOf(TimeZones.windowsIds());
        String iana = between(doc, "<!-- iana-names:start -->", "<!-- iana-names:end -->");
        TimeZones.ianaNames().forEach((name, windowsId) -> assertThat(iana)
                .as(name).containsPattern("\\| `" + Pattern.quote(windowsId) + "` \\|[^\\n]*`" + Pattern.quote(name) + "`"));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).isNotNegative();
        assertThat(to).isGreaterThan(from);
        return text.substring(from + start.length(), to);
    }
}
