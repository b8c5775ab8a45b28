"""Two pools from Python through the dsvm-pool component package.

    pulumi package add ../../provider    # generates sdks/github-dsvm-pool, adds it to requirements.txt, pip installs
    pulumi up

Each pool generates its admin password (the adminPassword output, a secret). A secret passed in as admin_password
fails in the provider: pulumi-java 1.36.1's component provider cannot read a secret string input ("Unsupported
type for deserialization: OUTPUT to java.lang.String", seen under the real engine, docs/component-package.md).
"""
import pulumi
import github_dsvm_pool as dsvm  # the generated SDK: <schema namespace>_<name>

cpu = dsvm.DsvmPool(
    "cpu",
    location="westeurope",
    allowed_source_ranges=["198.51.100.0/24"],
    vm_size="Standard_D4s_v3",
    max_instance_count=12,
    subnet_prefix="10.0.0.0/26",
    autoscale=dsvm.ScheduleInputsArgs(
        time_zone="Europe/Berlin",
        working_hours=[dsvm.WindowInputsArgs(name="office", days=["Mon", "Tue", "Wed", "Thu", "Fri"],
                                             start_hour=8, end_hour=18, minimum=1, maximum=12)],
        off_hours=dsvm.CapacityInputsArgs(minimum=0, maximum=0),
    ),
)

gpu = dsvm.DsvmPool(
    "gpu",
    location="westeurope",
    allowed_source_ranges=["198.51.100.0/24"],
    vm_size="Standard_NC4as_T4_v3",
    max_instance_count=4,
    resource_group_name=cpu.resource_group_name,
    existing_subnet_id=cpu.subnet_id,
    existing_subnet_prefix="10.0.0.0/26",
)

pulumi.export("cpuJupyterHub", cpu.jupyter_hub_url)
pulumi.export("gpuJupyterHub", gpu.jupyter_hub_url)
pulumi.export("gpuSsh", gpu.ssh_command)
pulumi.export("gpuAdminPassword", gpu.admin_password)
