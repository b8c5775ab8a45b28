"""A pool declared from Python through the SDK that `pulumi package add` generated from provider/."""
import pulumi
import github_dsvm_pool as dsvm

pool = dsvm.DsvmPool(
    "pypool",
    location="northeurope",
    allowed_source_ranges=["203.0.113.0/24"],
    vm_size="Standard_E4s_v3",
    max_instance_count=5,
    tags=[dsvm.TagInputsArgs(name="team", value="research")],
)

pulumi.export("jupyterHubUrl", pool.jupyter_hub_url)
pulumi.export("scaleSetName", pool.scale_set_name)
pulumi.export("adminPassword", pool.admin_password)
