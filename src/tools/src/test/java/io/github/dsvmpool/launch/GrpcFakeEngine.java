package io.github.dsvmpool.launch;

import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

/**
 * The engine and resource monitor a program meets under {@code pulumi preview}, over real gRPC on 127.0.0.1:
 * it answers every registration with the inputs as outputs (plus a name, an id and the few outputs Azure would
 * add that the program reads), the two invokes the pool makes, and keeps every registration and log line.
 */
final class GrpcFakeEngine implements AutoCloseable {
    /** The generated password this engine answers for a RandomPassword: tests search every output for it. */
    static final String GENERATED_PASSWORD = "Fake-Engine-Generated-Pw-42";
    /** The 32 bytes the fake random provider answers for RandomBytes (the pool's host key seed), in base64. */
    static final String GENERATED_BYTES = "RmFrZS1FbmdpbmUtSG9zdC1LZXktU2VlZC0zMi1CeXQ=";

    record Registered(String urn, String type, String name, String parent, boolean custom, Struct inputs) {
    }

    record Logged(LogSeverity severity, String message) {
    }

    private final List<Registered> registered = Collections.synchronizedList(new ArrayList<>());
    private final List<Logged> logs = Collections.synchronizedList(new ArrayList<>());
    private volatile String rootUrn = "";
    private final String project;
    private final String stack;
    private final Server server;

    GrpcFakeEngine(String project, String stack) throws IOException {
        this.project = project;
        this.stack = stack;
        server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(new Monitor()).addService(new Engine()).build().start();
    }

    String address() {
        return "127.0.0.1:" + server.getPort();
    }

    List<Registered> registered() {
        synchronized (registered) {
            return List.copyOf(registered);
        }
    }

    List<Logged> logs() {
        synchronized (logs) {
            return List.copyOf(logs);
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    private static <T> void answer(StreamObserver<T> observer, T response) {
        observer.onNext(response);
        observer.onCompleted();
    }

    private static Value text(String value) {
        return Value.newBuilder().setStringValue(value).build();
    }

    private static Value struct(Struct struct) {
        return Value.newBuilder().setStructValue(struct).build();
    }

    /** The URN the engine gives: the parent's type chain, this type, this name. */
    static String urn(String project, String stack, RegisterResourceRequest request) {
        String parent = request.getParent();
        String types = request.getType();
        if (!parent.isEmpty()) {
            String parentTypes = parent.substring(("urn:pulumi:" + stack + "::" + project + "::").length(),
                    parent.lastIndexOf("::"));
            types = parentTypes + "$" + request.getType();
        }
        return "urn:pulumi:" + stack + "::" + project + "::" + types + "::" + request.getName();
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> observer) {
            answer(observer, SupportsFeatureResponse.newBuilder().setHasSupport(true).build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request,
                                     StreamObserver<RegisterResourceResponse> observer) {
            String urn = urn(project, stack, request);
            registered.add(new Registered(urn, request.getType(), request.getName(), request.getParent(),
                    request.getCustom(), request.getObject()));
            Struct.Builder outputs = request.getObject().toBuilder();
            if (!outputs.containsFields("name")) {
                outputs.putFields("name", text(request.getName()));
            }
            switch (request.getType()) {
                case "random:index/randomPassword:RandomPassword" ->
                        outputs.putFields("result", text(GENERATED_PASSWORD));
                case "random:index/randomBytes:RandomBytes" -> outputs.putFields("base64", text(GENERATED_BYTES));
                case "azure-native:network:PublicIPAddress" -> {
                    outputs.putFields("ipAddress", text("203.0.113.200"));
                    outputs.putFields("dnsSettings", struct(Struct.newBuilder()
                            .putFields("fqdn", text("fake.westeurope.cloudapp.azure.com")).build()));
                }
                default -> {
                }
            }
            String id = request.getCustom() ? "/fake/" + request.getType().replace(':', '/') + "/" + request.getName()
                    : "";
            answer(observer, RegisterResourceResponse.newBuilder().setUrn(urn).setId(id).setObject(outputs).build());
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> observer) {
            answer(observer, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> observer) {
            Struct result = switch (request.getTok()) {
                case "azure-native:authorization:getClientConfig" -> Struct.newBuilder()
                        .putFields("subscriptionId", text("00000000-0000-0000-0000-000000000000"))
                        .putFields("tenantId", text("11111111-1111-1111-1111-111111111111"))
                        .putFields("clientId", text("fake")).putFields("objectId", text("fake")).build();
                case "azure-native:storage:listStorageAccountKeys" -> Struct.newBuilder()
                        .putFields("keys", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(
                                struct(Struct.newBuilder().putFields("keyName", text("key1"))
                                        .putFields("value", text("FAKE-ENGINE-STORAGE-KEY"))
                                        .putFields("permissions", text("FULL")).build()))).build()).build();
                default -> Struct.getDefaultInstance();
            };
            answer(observer, ResourceInvokeResponse.newBuilder().setReturn(result).build());
        }

        @Override
        public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> observer) {
            answer(observer, RegisterPackageResponse.newBuilder().setRef("fake-" + request.getName()).build());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> observer) {
            logs.add(new Logged(request.getSeverity(), request.getMessage()));
            answer(observer, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> observer) {
            answer(observer, GetRootResourceResponse.newBuilder().setUrn(rootUrn).build());
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> observer) {
            rootUrn = request.getUrn();
            answer(observer, SetRootResourceResponse.getDefaultInstance());
        }
    }
}
