package io.github.dsvmpool.pool;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.Map;

/**
 * What every part of the pool shares: its name, its parent, where it goes (region and availability zones) and how
 * it is tagged.
 */
record PartContext(String poolName, Resource parent, Output<String> resourceGroupName, String location,
                   Map<String, String> tags, io.github.dsvmpool.plans.ZonePlan zones) {

    /** A part placed in no availability zone. */
    PartContext(String poolName, Resource parent, Output<String> resourceGroupName, String location,
                Map<String, String> tags) {
        this(poolName, parent, resourceGroupName, location, tags, io.github.dsvmpool.plans.ZonePlan.REGIONAL);
    }

    /** Logical names of children start with the pool's name, so two pools in one stack never collide. */
    String childName(String suffix) {
        return poolName + "-" + suffix;
    }

    CustomResourceOptions.Builder options() {
        return CustomResourceOptions.builder().parent(parent);
    }
}
