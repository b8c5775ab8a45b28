package io.github.dsvmpool.offline;

import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

/**
 * The SDK's mock monitor, recording each registration request in full: parent, dependencies, resource options
 * and the inputs on the wire, where the program's secret marking is still visible.
 */
final class RecordingMonitor extends MockMonitor {
    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks) {
        super(mocks, PulumiTestInternal.mockLog());
    }

    List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource,
                                                                            RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            registrations.add(new Registration(response.getUrn(), request.getType(), request.getName(),
                    request.getParent(), request.getCustom(), StructValues.toMap(request.getObject()),
                    List.copyOf(request.getDependenciesList()), request.getProtect(), request.getRetainOnDelete(),
                    List.copyOf(request.getIgnoreChangesList()), response.getId(),
                    AliasUrns.of(request, response.getUrn())));
            return response;
        });
    }
}
