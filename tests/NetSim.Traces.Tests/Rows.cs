using NetSim.Network.Recording;

namespace NetSim.Traces.Tests;

internal static class Rows
{
    public static RunInfo Info(string policy = "nearest", int replication = 0) =>
        new("quickstart", "abc123", "seed: 1\n", policy, 42, replication, "{}");

    public static TaskRecord Task(long id, TaskOutcome status = TaskOutcome.Completed, double latency = 0.25, bool? met = true) => new(
        id, (int)(id % 3), "sd", 1.2e6, 2e8, id * 0.1, id * 0.1, status == TaskOutcome.Completed ? "edge:1" : null, 1.0,
        id * 0.1, (id * 0.1) + 0.05, double.NaN, (id * 0.1) + 0.06, (id * 0.1) + 0.2, 0, status == TaskOutcome.Completed ? (id * 0.1) + latency : double.NaN,
        status == TaskOutcome.Completed ? latency : double.NaN, double.NaN, met, 0.5, double.NaN, status,
        status == TaskOutcome.Completed ? (id * 0.1) + latency : (id * 0.1) + 1.0);
}
