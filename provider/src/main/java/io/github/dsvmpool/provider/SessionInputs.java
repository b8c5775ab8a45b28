package io.github.dsvmpool.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The session agent's knobs as the component package receives them: the fields, names and defaults of the
 * {@code dsvm-pool:sessions} stack setting. Written back as that setting's JSON and read by the same parser.
 */
public final class SessionInputs extends ResourceArgs {
    /** 10-1440 minutes without use before protection is cleared; default 30. */
    @Import(name = "idleMinutes")
    public Integer idleMinutes;
    /** 1-100: a user's processes above this share of one CPU mean in use; default 20. */
    @Import(name = "cpuSharePercent")
    public Integer cpuSharePercent;
    /** 0-23: from this local hour no VM is protected; default 20. */
    @Import(name = "latestHour")
    public Integer latestHour;
    /** 0-23: from this local hour protection may start again; default 6. */
    @Import(name = "resumeHour")
    public Integer resumeHour;
    /** IANA name or Windows ID of both hours; default the autoscale schedule's time zone. */
    @Import(name = "timeZone")
    public String timeZone;
    /** 1-24: the longest protection of one VM in one stretch; default 10. */
    @Import(name = "maxProtectedHours")
    public Integer maxProtectedHours;
}
