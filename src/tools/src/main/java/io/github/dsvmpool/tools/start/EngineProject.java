package io.github.dsvmpool.tools.start;

import io.github.dsvmpool.App;
import io.github.dsvmpool.launch.BuildLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the project as a user has it after a build (Pulumi.yaml, the stack file, the program jar with its
 * libraries linked; for the Maven start also the Maven wrapper and the modules the program is built from, with
 * their compiled classes), set up for one {@link EngineVariant}, with a new
 * stack in a {@code file://} state folder of its own. The real CLI is run in it offline: PULUMI_HOME is a sandbox
 * with the toolchain's plugins linked in, the passphrase is fixed, the Java host starts this JVM's {@code java}.
 */
final class EngineProject {
    static final String LOCAL_STATE = "  url: file://~";
    static final String JAR_START = "  options:\n    binary: " + BuildLayout.PROGRAM_JAR + "\n";
    static final String POM_MAIN = "<mainClass>io.github.dsvmpool.App</mainClass>";
    /**
     * The Maven start builds the root's reactor, so the copy's root pom names only the modules the stack program
     * needs (src/testing: its tests' scope, which exec:java resolves); the tools and the tests stay out, and so
     * does src/bom, which is the parent's parent (found by its relative path) and has no exec:java to skip.
     */
    static final List<String> MAVEN_START_MODULES = List.of("src/component", "src/launch", "src/testing",
            BuildLayout.STACK_MODULE);
    private static final Pattern MODULES = Pattern.compile("(?s)<modules>.*?</modules>");
    private static final Pattern TO_CREATE = Pattern.compile("\\+ (\\d+) to create");
    private static final long PREVIEW_MINUTES = 5;

    /** One preview: its wall time, and how many resources it would create (what shows which program ran). */
    record Preview(long millis, int toCreate) {
    }

    private final EngineVariant variant;
    private final Path project;
    private final Map<String, String> environment;
    private final String stack;

    private EngineProject(EngineVariant variant, Path project, Map<String, String> environment, String stack) {
        this.variant = variant;
        this.project = project;
        this.environment = environment;
        this.stack = stack;
    }

    /**
     * @param source      the project (built: the program jar and its libraries, {@link BuildLayout})
     * @param root        an empty folder for this variant
     * @param pulumiHome  the sandbox PULUMI_HOME (see {@link #sandboxHome})
     */
    static EngineProject create(EngineVariant variant, Path source, Path root, Path pulumiHome, String stack)
            throws IOException, InterruptedException {
        Path project = Files.createDirectories(root.resolve("project"));
        Path state = Files.createDirectories(root.resolve("state"));
        for (String file : List.of("Pulumi." + stack + ".yaml", "mvnw")) {
            Files.copy(source.resolve(file), project.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        EngineFiles.copyProgram(source, project, true);
        if (variant.start == EngineVariant.Start.MAVEN) {
            copyMavenModules(source, project);
        }

        // The CLI resolves file://~ from the account database, not $HOME: state goes to this variant's folder.
        String pulumiYaml = require(Files.readString(source.resolve("Pulumi.yaml")), LOCAL_STATE, JAR_START)
                .replace(LOCAL_STATE, "  url: " + state.toUri().toString().replaceAll("/$", ""));
        if (variant.start == EngineVariant.Start.MAVEN) {
            pulumiYaml = pulumiYaml.replace(JAR_START, "");
            // Maven runs ${mainClass} (the host adds no -DmainClass for the program).
            String pom = require(Files.readString(project.resolve("pom.xml")), POM_MAIN);
            Files.writeString(project.resolve("pom.xml"),
                    pom.replaceFirst(Pattern.quote(POM_MAIN), "<mainClass>" + variant.mainClass.getName() + "</mainClass>"));
            if (variant.mainClass != App.class) {
                // A benchmark program of the tools' module: its sources join the stack module's in the copy.
                var sources = new java.util.ArrayList<Class<?>>(List.of(variant.mainClass));
                sources.addAll(variant.toolSources);
                for (Class<?> type : sources) {
                    String file = type.getName().replace('.', '/') + ".java";
                    Path copied = project.resolve(BuildLayout.STACK_MODULE).resolve("src/main/java").resolve(file);
                    Files.createDirectories(copied.getParent());
                    Files.copy(source.resolve("src/tools/src/main/java").resolve(file), copied);
                }
            }
        } else if (!variant.jar().equals(BuildLayout.PROGRAM_JAR)) {
            pulumiYaml = pulumiYaml.replace("binary: " + BuildLayout.PROGRAM_JAR, "binary: " + variant.jar());
            Path tools = project.resolve(variant.jar()).resolveSibling(Path.of(BuildLayout.TOOLS_JAR).getFileName());
            Files.copy(source.resolve(BuildLayout.TOOLS_JAR), tools, StandardCopyOption.REPLACE_EXISTING);
            thinJar(project.resolve(variant.jar()), variant.mainClass, tools.getFileName().toString());
        }
        Files.writeString(project.resolve("Pulumi.yaml"), pulumiYaml);

        var created = new EngineProject(variant, project, environment(pulumiHome), stack);
        created.pulumi("stack", "init");
        return created;
    }

    /** A PULUMI_HOME of real plugin folders with the toolchain's binaries linked in (the engine lists folders without following links). */
    static Path sandboxHome(Path toolchainHome, Path root) throws IOException {
        return EngineFiles.linkPlugins(toolchainHome.resolve("plugins"), root.resolve("pulumi-home/plugins")).getParent();
    }

    /** {@code pulumi preview} of the new stack, timed from the CLI's start to its exit. */
    Preview preview() throws IOException, InterruptedException {
        long start = System.nanoTime();
        String out = pulumi("preview");
        long millis = (System.nanoTime() - start) / 1_000_000;
        Matcher created = TO_CREATE.matcher(out);
        if (!created.find()) {
            throw new IllegalStateException(variant.label + ": the preview says nothing to create:\n" + out);
        }
        return new Preview(millis, Integer.parseInt(created.group(1)));
    }

    private String pulumi(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("pulumi"));
        command.addAll(List.of(args));
        command.addAll(List.of("--stack", stack, "--non-interactive"));
        Path out = Files.createTempFile(project.getParent(), "out", ".txt");
        var builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().keySet().removeIf(name -> List.of("PULUMI_BACKEND_URL", "PULUMI_ACCESS_TOKEN",
                "PULUMI_CONFIG_PASSPHRASE_FILE", "PULUMI_STACK").contains(name));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean ended = process.waitFor(PREVIEW_MINUTES, TimeUnit.MINUTES);
        String output = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (!ended || process.exitValue() != 0) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(variant.label + ": " + String.join(" ", command) + " failed"
                    + (ended ? " (exit " + process.exitValue() + ")" : " (over " + PREVIEW_MINUTES + " min)") + ":\n"
                    + output);
        }
        return output;
    }

    private static Map<String, String> environment(Path pulumiHome) {
        String javaHome = System.getProperty("java.home");
        // The Java host and the Maven wrapper start this JVM's java: JDK 17 or 25 as the benchmark runs on.
        return Map.of("PATH", Path.of(javaHome, "bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"),
                "JAVA_HOME", javaHome,
                "PULUMI_HOME", pulumiHome.toString(),
                "PULUMI_CONFIG_PASSPHRASE", "engine-benchmark",
                "PULUMI_SKIP_UPDATE_CHECK", "true",
                "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION", "true",
                "PULUMI_DISABLE_REGISTRY_RESOLVE", "true");
    }

    private static String require(String text, String... parts) {
        for (String part : parts) {
            if (!text.contains(part)) {
                throw new IllegalStateException("the project no longer holds `" + part.strip()
                        + "`: the engine benchmark must learn its new form");
            }
        }
        return text;
    }

    /**
     * The root pom (its modules cut down to {@link #MAVEN_START_MODULES}), the Maven settings and each module's
     * pom, sources and compiled classes, with timestamps, so that Maven's compile finds them up to date, as in the
     * user's own folder.
     */
    private static void copyMavenModules(Path source, Path project) throws IOException {
        String root = Files.readString(source.resolve("pom.xml"));
        require(root, "<modules>");
        var modules = new StringBuilder("<modules>\n");
        MAVEN_START_MODULES.forEach(module -> modules.append("        <module>").append(module).append("</module>\n"));
        Files.writeString(project.resolve("pom.xml"),
                MODULES.matcher(root).replaceFirst(Matcher.quoteReplacement(modules + "    </modules>")));
        EngineFiles.copyTree(source.resolve(".mvn"), project.resolve(".mvn"));
        // The program's own modules are there already (EngineFiles.copyProgram); this adds the rest.
        for (String module : MAVEN_START_MODULES) {
            Files.createDirectories(project.resolve(module));
            if (!Files.exists(project.resolve(module).resolve("pom.xml"))) {
                Files.copy(source.resolve(module).resolve("pom.xml"), project.resolve(module).resolve("pom.xml"),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
            for (String tree : List.of("src/main", "target/classes", "target/maven-status")) {
                if (Files.isDirectory(source.resolve(module).resolve(tree))
                        && !Files.exists(project.resolve(module).resolve(tree))) {
                    EngineFiles.copyTree(source.resolve(module).resolve(tree), project.resolve(module).resolve(tree));
                }
            }
        }
    }

    /**
     * A jar with only a manifest: the main class, and the build's jar (whose own Class-Path names its libraries)
     * and the tools' jar beside it, which holds the main class.
     */
    private static void thinJar(Path jar, Class<?> mainClass, String toolsJar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.put(Attributes.Name.MAIN_CLASS, mainClass.getName());
        attributes.put(Attributes.Name.CLASS_PATH, "dsvm-pool.jar " + toolsJar);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
    }
}
