package io.github.dsvmpool.tools.start;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the pool's cold program time goes: the same fresh-JVM run as {@link ColdProgramBenchmark}, under the JDK's
 * flight recorder sampling Java stacks every millisecond, each sample put in a {@link SampleBucket}. The shares
 * are of CPU samples in the program's run (its thread and the SDK's workers), not of wall time.
 */
final class ColdProgramProfile {
    /** Java execution samples only, every millisecond (a comment in the file would make JDK 17 refuse it). */
    private static final String SETTINGS = "/io/github/dsvmpool/tools/start/sampling.jfc";

    /** Samples per bucket over all runs, and the programs' times under the recorder. */
    record Profile(Map<SampleBucket, Integer> samples, List<Long> programMillis) {
        int total() {
            return samples.values().stream().mapToInt(Integer::intValue).sum();
        }

        double share(SampleBucket bucket) {
            return total() == 0 ? 0 : (double) samples.getOrDefault(bucket, 0) / total();
        }
    }

    private final Path project;
    private final String stack;

    ColdProgramProfile(Path project, String stack) {
        this.project = project;
        this.stack = stack;
    }

    Profile run(int runs, PrintWriter progress) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("dsvm-pool-profile");
        try {
            Path settings = folder.resolve("sampling.jfc");
            try (InputStream in = ColdProgramProfile.class.getResourceAsStream(SETTINGS)) {
                Files.copy(in, settings);
            }
            var samples = new EnumMap<SampleBucket, Integer>(SampleBucket.class);
            var millis = new ArrayList<Long>();
            for (int i = 0; i < runs; i++) {
                Path recording = folder.resolve("run-" + i + ".jfr");
                millis.add(record(settings, recording));
                count(recording, samples);
                progress.printf("  profiled run %d: program %d ms under the recorder%n", i + 1, millis.get(i));
            }
            return new Profile(samples, millis);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private long record(Path settings, Path recording) throws IOException, InterruptedException {
        return FreshJvmRun.run(project, List.of("-XX:FlightRecorderOptions=stackdepth=2048",
                "-XX:StartFlightRecording=filename=" + recording + ",settings=" + settings), stack, "pool", "callback")
                .programMillis();
    }

    static void count(Path recording, Map<SampleBucket, Integer> samples) throws IOException {
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<String> frames = new ArrayList<>();
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
            SampleBucket.of(frames).ifPresent(bucket -> samples.merge(bucket, 1, Integer::sum));
        }
    }

    /**
     * The breakdown, and what the ratio would be if the pool's own code took no time at all: the pool's program
     * time without that share, over the one-resource program's (both medians of the unprofiled runs).
     */
    static void print(Profile profile, long poolMillis, long minimalMillis, PrintWriter out) {
        out.printf("  where the pool's cold program goes (%d CPU samples in %d runs):%n", profile.total(),
                profile.programMillis().size());
        for (SampleBucket bucket : SampleBucket.values()) {
            out.printf("    %-42s %5d  %5.1f %%%n", bucket.label(), profile.samples().getOrDefault(bucket, 0),
                    100 * profile.share(bucket));
        }
        double withoutPoolCode = poolMillis * (1 - profile.share(SampleBucket.POOL_CODE));
        out.printf("  with none of the pool's own code: about %.0f ms, pool / one-resource about %.2f (target <= %.2f)%n",
                withoutPoolCode, withoutPoolCode / minimalMillis, ColdProgramBenchmark.TARGET_RATIO);
    }
}
