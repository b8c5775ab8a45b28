package io.github.dsvmpool.tools.start;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Two listening sockets standing in for the engine and the resource monitor: the moment the program opens a
 * connection to either is the moment it contacts the engine. Nothing is answered; the program is stopped then.
 */
final class FakeEngine implements AutoCloseable {
    private final ServerSocket monitor;
    private final ServerSocket engine;
    private final CompletableFuture<Long> contacted = new CompletableFuture<>();
    private final ExecutorService acceptors = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fake-engine");
        thread.setDaemon(true);
        return thread;
    });

    FakeEngine() throws IOException {
        monitor = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        engine = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptors.submit(() -> accept(monitor));
        acceptors.submit(() -> accept(engine));
    }

    private void accept(ServerSocket socket) {
        try (Socket ignored = socket.accept()) {
            contacted.complete(System.nanoTime());
        } catch (IOException closed) {
            // closed when the measurement ends
        }
    }

    String monitorAddress() {
        return "127.0.0.1:" + monitor.getLocalPort();
    }

    String engineAddress() {
        return "127.0.0.1:" + engine.getLocalPort();
    }

    /** When the first connection arrived (System.nanoTime), completed once. */
    CompletableFuture<Long> contacted() {
        return contacted;
    }

    @Override
    public void close() throws IOException {
        monitor.close();
        engine.close();
        acceptors.shutdownNow();
    }
}
