package io.github.dsvmpool.plans;

import io.github.dsvmpool.config.OperatingSystem;
import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problems;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generated admin password against Windows's rule that a password must not contain the admin name. */
class GeneratedPasswordAgainstTheAdminNameTest {

    private static List<String> problems(String adminUsername, Optional<Optional<String>> password) {
        var settings = PoolSettings.builder().location("westeurope").allowedSourceRanges(List.of("198.51.100.0/24"))
                .operatingSystem(OperatingSystem.WINDOWS).adminUsername(adminUsername).build();
        var problems = new Problems();
        PoolArgumentRules.checkCredentials(settings, password, Optional.of(List.of()), problems);
        return problems.list().stream().map(problem -> problem.setting() + ": " + problem.message()).toList();
    }

    @Test
    void aShortNameIsRefusedOnlyWhenThePoolGeneratesThePassword() {
        var generated = Optional.of(Optional.<String>empty());
        assertThat(problems("dsvm", generated)).singleElement().asString().startsWith("adminUsername: ")
                .contains("adminPassword not set").contains("5 or more letters");
        assertThat(problems("ds1", generated)).hasSize(1);
        // Long enough, or with a character a generated password never has, or too short for Windows to check.
        assertThat(problems("dsadmin", generated)).isEmpty();
        assertThat(problems("teams", generated)).isEmpty();
        assertThat(problems("d.s", generated)).isEmpty();
        assertThat(problems("ds", generated)).isEmpty();
        // A given password is checked as it is; one given as an output is Azure's business.
        assertThat(problems("dsvm", Optional.of(Optional.of("Correct-Horse-42x")))).isEmpty();
        assertThat(problems("dsvm", Optional.empty())).isEmpty();
    }

    @Test
    void theEstimateFollowsTheAlphabetAndIsNearWhatGeneratingPasswordsShows() {
        assertThat(GeneratedPasswordPolicy.chanceOfContaining("a.b")).isZero();
        assertThat(GeneratedPasswordPolicy.chanceOfContaining("DSVM"))
                .isEqualTo(GeneratedPasswordPolicy.chanceOfContaining("dsvm"));
        assertThat(GeneratedPasswordPolicy.chanceOfContaining("abcde"))
                .isLessThan(GeneratedPasswordPolicy.MAX_CHANCE_OF_CONTAINING_THE_NAME)
                .isLessThan(GeneratedPasswordPolicy.chanceOfContaining("abcd"));
        // Two characters are frequent enough to count: passwords made as the random provider makes them (each
        // class's minimum, the rest from the whole alphabet, shuffled) against the estimate.
        var random = new Random(20261202L);
        int trials = 200_000;
        int found = 0;
        for (int trial = 0; trial < trials; trial++) {
            if (generate(random).toLowerCase(java.util.Locale.ROOT).contains("a7")) {
                found++;
            }
        }
        double estimate = GeneratedPasswordPolicy.chanceOfContaining("a7");
        assertThat((double) found / trials).isCloseTo(estimate, within(estimate * 0.1));
    }

    private static String generate(Random random) {
        String lower = "abcdefghijklmnopqrstuvwxyz";
        String[] classes = {lower, lower.toUpperCase(java.util.Locale.ROOT), "0123456789",
                GeneratedPasswordPolicy.SPECIAL_CHARACTERS};
        String all = String.join("", classes);
        var characters = new java.util.ArrayList<Character>();
        for (String characterClass : classes) {
            for (int i = 0; i < GeneratedPasswordPolicy.MINIMUM_PER_CLASS; i++) {
                characters.add(characterClass.charAt(random.nextInt(characterClass.length())));
            }
        }
        while (characters.size() < GeneratedPasswordPolicy.LENGTH) {
            characters.add(all.charAt(random.nextInt(all.length())));
        }
        java.util.Collections.shuffle(characters, random);
        var text = new StringBuilder();
        characters.forEach(text::append);
        return text.toString();
    }
}
