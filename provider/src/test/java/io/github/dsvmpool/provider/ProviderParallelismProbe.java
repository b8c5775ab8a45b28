package io.github.dsvmpool.provider;

import java.util.concurrent.ForkJoinPool;

/**
 * Starts the component provider's real main in a daemon thread (it serves until killed), waits until it has
 * started serving, and prints the common pool's parallelism: run in a JVM that sees 2 CPUs, it tells whether
 * the provider raised it before anything touched the pool (pulumi-java issue 2270). Touches no pool itself
 * before the provider's main has run.
 */
public final class ProviderParallelismProbe {
    private ProviderParallelismProbe() {
    }

    public static void main(String[] args) throws Exception {
        var provider = new Thread(() -> {
            try {
                ProviderMain.main(new String[] {"127.0.0.1:1"});
            } catch (Exception e) {
                System.err.println("provider: " + e);
            }
        });
        provider.setDaemon(true);
        provider.start();
        Thread.sleep(3_000);
        System.out.println(ForkJoinPool.getCommonPoolParallelism());
        System.exit(0);
    }
}
