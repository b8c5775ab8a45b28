package io.github.dsvmpool.offline;

import java.util.Arrays;
import java.util.List;

/**
 * A defect of the Java SDK (1.36.1; the upstream source read in December 2026 does the same), not of the
 * program: the serializer gathers a property's dependencies in a plain {@code HashSet}
 * ({@code Serializer.dependentResources}) from whichever threads complete the outputs nested in that property. Two completing at once can lose an entry;
 * the set's count then disagrees with its entries, and copying it fails the registration in
 * {@code DeploymentImpl$Prepare} with a NullPointerException (seen once, JDK 25 CI run of 2026-12-02) or an
 * ArrayIndexOutOfBoundsException ({@code SdkDependencyRaceBenchmarkTest} produces both).
 *
 * <p>The program cannot avoid it without hiding its nested values from previews (docs/decisions/023-sdk-dependency-race.md), so the
 * offline runner runs such a program again, once, and says so. {@code SdkDependencyRaceTest} tells when the
 * SDK is fixed and this can go.
 */
public final class SdkDependencyRace {
    private SdkDependencyRace() {
    }

    /** Whether the run failed by this defect and nothing else. */
    public static boolean struck(List<? extends Throwable> exceptions) {
        return !exceptions.isEmpty() && exceptions.stream().allMatch(SdkDependencyRace::struck);
    }

    static boolean struck(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if ((cause instanceof NullPointerException || cause instanceof ArrayIndexOutOfBoundsException)
                    && copiesInPrepare(cause.getStackTrace())) {
                return true;
            }
        }
        return false;
    }

    /** Thrown while copying a set into an ImmutableSet for the SDK's resource preparation. */
    private static boolean copiesInPrepare(StackTraceElement[] frames) {
        var list = Arrays.asList(frames);
        int copy = indexOf(list, "com.google.common.collect.ImmutableSet", "copyOf");
        return copy >= 0 && list.subList(copy, list.size()).stream().limit(3).anyMatch(frame ->
                frame.getClassName().equals("com.pulumi.deployment.internal.DeploymentImpl$Prepare")
                        && frame.getMethodName().startsWith("lambda$prepareResourceAsync$"));
    }

    private static int indexOf(List<StackTraceElement> frames, String className, String method) {
        for (int index = 0; index < frames.size(); index++) {
            if (frames.get(index).getClassName().equals(className) && frames.get(index).getMethodName().equals(method)) {
                return index;
            }
        }
        return -1;
    }
}
