package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.Map;

/** What every part of the pool shares: its name, its parent, where it goes and how it is tagged. */
record PartContext(String poolName, Resource parent, Output<String> resourceGroupName, String location,
                   Map<String, String> tags) {

    /** Logical names of children start with the pool's name, so two pools in one stack never collide. */
    String childName(String suffix) {
        return poolName + "-" + suffix;
    }

    CustomResourceOptions.Builder options() {
        return CustomResourceOptions.builder().parent(parent);
    }
}
