package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.dsvmpool.testing.Skip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSH's own ssh-keygen on files the tests write, to check this project's encodings against it. */
final class SshTools {
    private SshTools() {
    }

    static void requireSshKeygen() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "ssh-keygen"))) {
                return;
            }
        }
        Skip.becauseOf("ssh-keygen is missing (sudo apt-get install -y openssh-client)");
    }

    /** Writes {@code text} to a new file of mode 0600 in {@code dir} (ssh-keygen refuses open private keys). */
    static Path privateFile(Path dir, String name, String text) throws IOException {
        Path file = Files.createFile(dir.resolve(name),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    /** {@code ssh-keygen args...}: exit code and output (stdout, then stderr). */
    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result sshKeygen(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("ssh-keygen");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ssh-keygen finished").isTrue();
        return new Result(process.exitValue(), out, err);
    }
}
