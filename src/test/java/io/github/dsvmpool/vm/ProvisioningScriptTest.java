package io.github.dsvmpool.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProvisioningScriptTest {
    static final MountParameters PARAMETERS = new MountParameters("acct1", "dsvmshare", "/datamnt/dsvmshare",
            "core.windows.net", "dsadmin", ShareProtocol.SMB);

    @Test
    void installerEmbedsTheShippedWatcherAndUnitExactly() {
        String installer = WatcherInstaller.render();
        assertThat(installer).doesNotContain("@WATCHER_").doesNotStartWith("#!");
        var embedded = Pattern.compile("\\[\\$(script|unit)_path]='([A-Za-z0-9+/=]+)'").matcher(installer);
        int found = 0;
        while (embedded.find()) {
            String decoded = new String(Base64.getDecoder().decode(embedded.group(2)), StandardCharsets.UTF_8);
            String expected = ShippedResources.text(embedded.group(1).equals("script")
                    ? WatcherInstaller.WATCHER_SCRIPT : WatcherInstaller.WATCHER_UNIT);
            assertThat(decoded).isEqualTo(expected);
            found++;
        }
        assertThat(found).isEqualTo(2);
    }

    @Test
    void theWatcherIsInstalledBeforeTheMountInOneScript() {
        String script = MountScript.decode(ProvisioningScript.shipped().encodedScript(PARAMETERS, "key=="));
        assertThat(script).startsWith("#!/bin/bash\n").containsOnlyOnce("#!");
        int installer = script.indexOf("dsvm_install_watcher ||");
        int mount = script.indexOf("log \"start: ");
        assertThat(installer).isPositive();
        assertThat(mount).isGreaterThan(installer);
        assertThat(script).contains("DSVM_STORAGE_KEY='key=='");
    }

    @Test
    void theRevisionFollowsTheWatcherToo() {
        String withWatcher = ProvisioningScript.shipped().revision(PARAMETERS);
        assertThat(withWatcher).isNotEqualTo(MountScript.shipped().revision(PARAMETERS))
                .isNotEqualTo(MountScript.shipped().withPrelude("# another watcher\n").revision(PARAMETERS));
        assertThat(ProvisioningScript.shipped().encodedScript(PARAMETERS, "k").length())
                .isLessThan(MountScript.MAX_ENCODED_SCRIPT_BYTES);
    }
}
