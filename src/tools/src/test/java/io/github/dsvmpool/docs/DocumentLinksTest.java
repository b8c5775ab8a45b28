package io.github.dsvmpool.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and #anchor in README.md and docs/**&#47;*.md resolves, as GitHub resolves it. Anchors follow
 * GitHub's rules (github-slugger): the heading's text as rendered, lower-cased, every character that is not a
 * letter, digit, space, hyphen or underscore dropped, spaces made hyphens; a repeated anchor gets {@code -1},
 * {@code -2}, ... Headings and links inside fenced code blocks and code spans do not count. Links to other sites
 * are not fetched.
 */
class DocumentLinksTest {

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path document : documents()) {
            for (Link link : relativeLinks(document, Files.readAllLines(document))) {
                checked++;
                String problem = problem(link);
                if (problem != null) {
                    broken.add(link + ": " + problem);
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
        assertThat(checked).as("relative links checked").isGreaterThan(20);
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(anchor("Azure's rules, checked on every plan")).isEqualTo("azures-rules-checked-on-every-plan");
        assertThat(anchor("Workflows (`.github/workflows/`)")).isEqualTo("workflows-githubworkflows");
        assertThat(anchor("Outbound: how the VMs reach the internet")).isEqualTo("outbound-how-the-vms-reach-the-internet");
        assertThat(anchor("The [component](docs/library.md) *package*")).isEqualTo("the-component-package");
        assertThat(anchor("snake_case and 1-2 ports")).isEqualTo("snake_case-and-1-2-ports");
        assertThat(anchors(List.of("# Notes", "```bash", "# not a heading", "```", "## Notes", "### Notes")))
                .containsExactly("notes", "notes-1", "notes-2");
    }

    @Test
    void aBrokenFileOrAnchorIsFoundAndCodeIsIgnored(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("other.md"), "# Other\n\n## A part: of it\n");
        Path document = folder.resolve("doc.md");
        List<String> lines = List.of("# Title", "[ok](other.md#a-part-of-it) [self](#title) [web](https://example.org)",
                "[gone](missing.md) [bad](other.md#nothing) [bad self](#nothing)", "`[code](missing.md)`",
                "```", "[fenced](missing.md)", "```", "[ref]: other.md#other");
        Files.write(document, lines);
        List<Link> links = relativeLinks(document, lines);
        assertThat(links).extracting(Link::target).containsExactly("other.md#a-part-of-it", "#title", "missing.md",
                "other.md#nothing", "#nothing", "other.md#other");
        List<String> problems = new ArrayList<>();
        for (Link link : links) {
            problems.add(problem(link));
        }
        assertThat(problems.get(0)).isNull();
        assertThat(problems.get(1)).isNull();
        assertThat(problems.get(2)).startsWith("no file");
        assertThat(problems.get(3)).startsWith("no heading with anchor #nothing");
        assertThat(problems.get(4)).startsWith("no heading with anchor #nothing");
        assertThat(problems.get(5)).isNull();
    }

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern EXTERNAL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** One link as written: the document it is in, its line (1-based) and its target. */
    record Link(Path document, int line, String target) {
        @Override
        public String toString() {
            return document + ":" + line + ": (" + target + ")";
        }
    }

    /** GitHub's anchor for a heading's Markdown text (without its numbering for repeats). */
    static String anchor(String headingMarkdown) {
        String text = INLINE_LINK.matcher(headingMarkdown).replaceAll("$1");
        text = text.toLowerCase(java.util.Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK) {
                slug.appendCodePoint(c);
            } else if (c == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }

    /** The anchors of a document's headings (numbered as GitHub numbers repeats) and its explicit HTML anchors. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose(lines)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String base = anchor(heading.group(2));
                int count = seen.merge(base, 1, Integer::sum);
                anchors.add(count == 1 ? base : base + "-" + (count - 1));
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /** Every link of a document that is not to another site (http:, mailto:, ...). */
    static List<Link> relativeLinks(Path document, List<String> lines) {
        List<Link> links = new ArrayList<>();
        List<String> prose = prose(lines);
        for (int index = 0; index < prose.size(); index++) {
            String line = CODE_SPAN.matcher(prose.get(index)).replaceAll("");
            List<String> targets = new ArrayList<>();
            Matcher inline = INLINE_LINK.matcher(line);
            while (inline.find()) {
                targets.add(inline.group(2));
            }
            Matcher definition = REFERENCE_DEFINITION.matcher(line);
            if (definition.matches()) {
                targets.add(definition.group(1));
            }
            for (String target : targets) {
                if (!EXTERNAL.matcher(target).find()) {
                    links.add(new Link(document, index + 1, target));
                }
            }
        }
        return links;
    }

    /** Why a relative link does not resolve, or null when it does. */
    static String problem(Link link) throws IOException {
        String target = link.target();
        if (target.isEmpty()) {
            return "empty link";
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? link.document()
                : (link.document().getParent() == null ? Path.of(file) : link.document().getParent().resolve(file))
                        .normalize();
        if (!Files.exists(resolved)) {
            return "no file " + resolved;
        }
        if (fragment == null) {
            return null;
        }
        if (!resolved.toString().endsWith(".md") || Files.isDirectory(resolved)) {
            return "an anchor into " + resolved + ", which is not a Markdown file";
        }
        Set<String> anchors = anchors(Files.readAllLines(resolved));
        return anchors.contains(fragment) ? null : "no heading with anchor #" + fragment + " in " + resolved;
    }

    /** The lines outside fenced code blocks; lines inside are blanked, so that line numbers stay. */
    private static List<String> prose(List<String> lines) {
        List<String> prose = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                prose.add("");
            } else if (fence != null) {
                if (line.strip().startsWith(fence)) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(line);
            }
        }
        return prose;
    }
}
