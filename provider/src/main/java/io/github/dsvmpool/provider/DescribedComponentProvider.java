package io.github.dsvmpool.provider;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.pulumi.provider.internal.ComponentProvider;
import com.pulumi.provider.internal.Metadata;
import com.pulumi.provider.internal.models.GetSchemaRequest;
import com.pulumi.provider.internal.models.GetSchemaResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's component provider, serving its schema with the {@link Description}s added ({@link SchemaDescriptions}):
 * `pulumi package add` and `gen-sdk` ask for the schema through getSchema, so the generated SDKs carry them.
 */
final class DescribedComponentProvider extends ComponentProvider {
    static final String TOKEN = ProviderMain.PACKAGE + ":index:DsvmPool";

    DescribedComponentProvider(Metadata metadata) {
        super(metadata, DsvmPool.class.getPackage());
    }

    @Override
    public CompletableFuture<GetSchemaResponse> getSchema(GetSchemaRequest request) {
        return super.getSchema(request).thenApply(response -> new GetSchemaResponse(new Gson().toJson(
                SchemaDescriptions.add(JsonParser.parseString(response.getSchema()).getAsJsonObject(), TOKEN,
                        DsvmPool.class, PoolInputs.class))));
    }
}
