package io.github.dsvmpool.plans;

/** An inclusive range of TCP ports on the load balancer's frontend. */
public record PortRange(int first, int last) {
    public PortRange {
        if (first > last) {
            throw new IllegalArgumentException("first port " + first + " after last port " + last);
        }
    }

    public int size() {
        return last - first + 1;
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public boolean overlaps(PortRange other) {
        return first <= other.last && other.first <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
