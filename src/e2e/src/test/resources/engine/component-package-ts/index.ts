// A pool declared from TypeScript through the SDK that `pulumi package add` generated from provider/.
import * as dsvm from "@github/dsvm-pool";

const pool = new dsvm.DsvmPool("tspool", {
    location: "westeurope",
    allowedSourceRanges: ["198.51.100.0/24"],
    vmSize: "Standard_D4s_v3",
    maxInstanceCount: 3,
    tags: [{ name: "team", value: "analytics" }],
});

export const jupyterHubUrl = pool.jupyterHubUrl;
export const scaleSetName = pool.scaleSetName;
export const adminPassword = pool.adminPassword;
