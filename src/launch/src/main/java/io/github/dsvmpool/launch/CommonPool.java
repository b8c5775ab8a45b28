package io.github.dsvmpool.launch;

import java.util.concurrent.ForkJoinPool;

/**
 * pulumi-java issue 2270: on 2 CPUs the common fork/join pool gets one worker and the SDK can spin forever on
 * newer JDKs (seen on 25). Maven runs and tests set the parallelism with a JVM flag (.mvn/jvm.config, surefire
 * argLine); the Java host starts a jar with plain {@code java -jar} and no flags, so the program sets it itself,
 * before the SDK first touches the pool.
 */
public final class CommonPool {
    static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final int PARALLELISM = 4;

    private CommonPool() {
    }

    /** Prints the parallelism the program would run with: lets a test check it under plain {@code java}. */
    public static void main(String[] args) {
        System.out.println(ensureParallelism());
    }

    /** Call first thing in main; a value given on the command line is left alone. Returns the parallelism. */
    public static int ensureParallelism() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, String.valueOf(PARALLELISM));
        }
        int parallelism = ForkJoinPool.getCommonPoolParallelism();
        if (parallelism < 2) {
            System.err.println("dsvm-pool: warning: the common fork/join pool has " + parallelism + " worker(s);"
                    + " the Pulumi SDK may hang (pulumi-java issue 2270): pass -D" + PROPERTY + "=" + PARALLELISM);
        }
        return parallelism;
    }
}
