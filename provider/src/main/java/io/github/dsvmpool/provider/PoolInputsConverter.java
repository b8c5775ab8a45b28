package io.github.dsvmpool.provider;

import io.github.dsvmpool.config.PoolSettings;
import io.github.dsvmpool.problems.Problems;
import io.github.dsvmpool.config.PurchasePlan;
import io.github.dsvmpool.config.autoscale.AutoscaleLimits;
import io.github.dsvmpool.config.autoscale.AutoscaleSettingsParser;
import io.github.dsvmpool.pool.DsvmPoolArgs;
import io.github.dsvmpool.pool.ExistingNetwork;
import java.util.Optional;
import java.lang.reflect.Field;
import java.util.List;
import com.google.gson.JsonObject;
import com.pulumi.core.annotations.Import;
import io.github.dsvmpool.config.Setting;
import io.github.dsvmpool.config.SettingCatalog;

/**
 * Turns the component package's inputs into the library's {@link DsvmPoolArgs}: only the inputs that are set
 * reach the settings builder (so every default is the library's); enum-like strings and the schedule are read as
 * the stack reader reads them, with the same messages. Problems found here are thrown with the component's own.
 */
final class PoolInputsConverter {
    private PoolInputsConverter() {
    }

    static DsvmPoolArgs convert(PoolInputs in, Problems problems) {
        var b = PoolSettings.builder();
        // Every setting the catalog reads generically is read here with the stack reader's own parser, from the
        // input written as the stack file would hold it, so values, messages and defaults cannot differ.
        for (Setting<?> setting : SettingCatalog.ALL) {
            if (setting.readGenerically()) {
                inputValue(in, setting.key()).ifPresent(value -> setting.read(asText(setting, value), b, problems));
            }
        }
        if (in.imagePlanName != null || in.imagePlanProduct != null || in.imagePlanPublisher != null) {
            b.imagePlan(new PurchasePlan(in.imagePlanName, in.imagePlanProduct, in.imagePlanPublisher));
        }
        if (in.autoscale != null) {
            int maximum = in.maxInstanceCount == null ? 4 : in.maxInstanceCount;
            int defaultMaximum = maximum >= 1 && maximum <= AutoscaleLimits.LARGEST_POOL ? maximum
                    : AutoscaleLimits.LARGEST_POOL;
            b.autoscale(AutoscaleSettingsParser.parseWithoutValidation(InputsJson.of(in.autoscale).toString(),
                    defaultMaximum, problems));
            if (in.minInstanceCount != null) {
                problems.add("minInstanceCount", in.minInstanceCount, "not set together with autoscale: the"
                        + " schedule's workingHours[].minimum, offHours.minimum and fixedDates[].minimum are the floors");
            }
        }

        var args = DsvmPoolArgs.builder().settings(b.build());
        if (in.adminPassword != null) {
            args.adminPassword(in.adminPassword);
        }
        if (in.sshPublicKeys != null) {
            args.sshPublicKeys(in.sshPublicKeys);
        }
        if (in.resourceGroupName != null) {
            args.resourceGroupName(in.resourceGroupName);
        }
        if (in.existingSubnetId != null) {
            if (in.existingSubnetPrefix == null) {
                problems.add("existingSubnetPrefix", null, "required with existingSubnetId: the subnet's IPv4"
                        + " prefix as Azure reports it");
            } else {
                args.network(ExistingNetwork.subnet(in.existingSubnetId, in.existingSubnetPrefix));
            }
        }
        return args.build();
    }

    /** The input of a key: the {@code @Import} field of that name, if set. */
    static Optional<Object> inputValue(PoolInputs in, String key) {
        for (Field field : PoolInputs.class.getFields()) {
            Import name = field.getAnnotation(Import.class);
            if (name != null && name.name().equals(key)) {
                try {
                    return Optional.ofNullable(field.get(in));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public input field " + field, e);
                }
            }
        }
        return Optional.empty();
    }

    /** An input as the stack file's text: strings as they are, the rest as JSON; tags (name/value pairs) as a map. */
    static String asText(Setting<?> setting, Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (setting.kind() == Setting.Kind.TEXT_MAP && value instanceof List<?> items) {
            var tags = new JsonObject();
            items.forEach(item -> {
                var tag = (PoolInputs.TagInputs) item;
                tags.addProperty(tag.name, tag.value == null ? "" : tag.value);
            });
            return tags.toString();
        }
        return InputsJson.of(value).toString();
    }
}
