// Two pools from TypeScript through the dsvm-pool component package.
//   pulumi package add ../../provider      # generates the local SDK (sdks/github-dsvm-pool), adds it to package.json
//   npm install && pulumi up
// Each pool generates its admin password (its adminPassword output, a secret). A secret passed in as adminPassword
// fails in the provider: pulumi-java 1.36.1's component provider cannot read a secret string input ("Unsupported
// type for deserialization: OUTPUT to java.lang.String", seen under the real engine, docs/component-package.md).
import * as dsvm from "@github/dsvm-pool";   // the generated SDK: @<schema namespace>/<name>

const cpu = new dsvm.DsvmPool("cpu", {
    location: "westeurope",
    allowedSourceRanges: ["198.51.100.0/24"],
    vmSize: "Standard_D4s_v3",
    maxInstanceCount: 12,
    subnetPrefix: "10.0.0.0/26",
    autoscale: {
        timeZone: "Europe/Berlin",
        workingHours: [{ name: "office", days: ["Mon", "Tue", "Wed", "Thu", "Fri"], startHour: 8, endHour: 18, minimum: 1, maximum: 12 }],
        offHours: { minimum: 0, maximum: 0 },
    },
});

const gpu = new dsvm.DsvmPool("gpu", {
    location: "westeurope",
    allowedSourceRanges: ["198.51.100.0/24"],
    vmSize: "Standard_NC4as_T4_v3",
    maxInstanceCount: 4,
    resourceGroupName: cpu.resourceGroupName,
    existingSubnetId: cpu.subnetId,
    existingSubnetPrefix: "10.0.0.0/26",
});

export const cpuJupyterHub = cpu.jupyterHubUrl;
export const gpuJupyterHub = gpu.jupyterHubUrl;
export const gpuSsh = gpu.sshCommand;
