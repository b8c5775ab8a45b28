package io.github.dsvmpool.provider;

import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The session agent's knobs as the component package receives them: the fields, names and defaults of the
 * {@code dsvm-pool:sessions} stack setting. Written back as that setting's JSON and read by the same parser.
 */
@Description("The session agent's knobs: the fields of the dsvm-pool:sessions stack setting.")
public final class SessionInputs extends ResourceArgs {
    @Description("Minutes without use after which a VM's protection is cleared, 10-1440; default 30.")
    @Import(name = "idleMinutes")
    public Integer idleMinutes;
    @Description("A user's processes above this percent of one CPU mean the VM is in use, 1-100; default 20.")
    @Import(name = "cpuSharePercent")
    public Integer cpuSharePercent;
    @Description("The local hour from which no VM is protected (the cost ceiling), 0-23; default 20.")
    @Import(name = "latestHour")
    public Integer latestHour;
    @Description("The local hour from which protection may start again, 0-23; default 6.")
    @Import(name = "resumeHour")
    public Integer resumeHour;
    @Description("The time zone of both hours: an IANA name or a Windows ID; default the autoscale schedule's time zone.")
    @Import(name = "timeZone")
    public String timeZone;
    @Description("The longest protection of one VM in one stretch, 1-24 hours; default 10.")
    @Import(name = "maxProtectedHours")
    public Integer maxProtectedHours;
}
