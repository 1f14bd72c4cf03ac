using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Radio;
using NetSim.Network.Recording;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>
/// Each task's energy, worked out by hand: compute charged as it is done (kappa f^2 per operation),
/// transmission at the power radiated over the time sent, a download at its power over its
/// transmission time; dropped and unfinished tasks carry what they consumed until then.
/// </summary>
public class EnergyTests
{
    // Device: 300 MFLOPS and kappa 1e-27, so 1e-27 * (3e8)^2 = 9e-11 J per operation.
    private const double UeJoulesPerOp = 9e-11;

    // Edge: 15 GFLOPS and kappa 1e-30, so 1e-30 * (1.5e10)^2 = 2.25e-10 J per operation.
    private const double EdgeJoulesPerOp = 2.25e-10;

    // Ideal uplink at 100 Mbit/s: a 1 Mbit task is sent in 10 ms, at 0.1 W that is 1e-3 J.
    private static readonly RadioSettings Ideal = new(ChannelKind.Ideal, 1e8, Specs.PathLoss, Specs.NoiseW, false, false, 0, 0);

    private static WorldSpec Spec(AigcModel model, TraceArrival[] trace, double deadline = double.PositiveInfinity) =>
        Specs.Points([new Point(100, 0)], [new Point(0, 0)], trace, [model], [Specs.Type(model, 1e6, deadline: deadline)]) with
        {
            Options = Specs.Options(drop: !double.IsPositiveInfinity(deadline)),
            UeKappa = 1e-27,
            EdgeKappa = 1e-30,
            Radio = Ideal,
        };

    private static TraceArrival At(double time) => new(time, 0, 0, double.NaN);

    private static ListRecorder Run(WorldSpec spec, bool local)
    {
        var recorder = new ListRecorder();
        WorldBuilder.Build(spec, _ => local ? new LocalPolicy() : new NearestPolicy(), recorder).Run();
        return recorder;
    }

    [Fact]
    public void Given_a_local_task_When_it_completes_Then_it_carries_its_device_compute_energy()
    {
        // 50 MFLOP on the device: 5e7 * 9e-11 = 4.5e-3 J.
        var recorder = Run(Spec(Specs.FixedModel(), [At(0)]), local: true);

        Assert.Equal(TaskOutcome.Completed, recorder.Task(0).Status);
        Assert.Equal(4.5e-3, recorder.Task(0).EnergyJ, 1e-15);
    }

    [Fact]
    public void Given_an_offloaded_task_over_the_shannon_uplink_When_it_completes_Then_it_carries_transmission_and_edge_energy()
    {
        // 1 Mbit over the whole band at SNR P g(100 m) / sigma^2, at 0.1 W; then 200 MFLOP on the edge: 2e8 * 2.25e-10 = 0.045 J.
        var spec = Spec(Specs.FixedModel(), [At(0)]) with { Radio = Specs.Shannon() };

        var recorder = Run(spec, local: false);

        var upload = 1e6 / (Specs.Bandwidth * Math.Log2(1 + (Specs.TxPowerW * Specs.Gain(100) / Specs.NoiseW)));
        Assert.Equal(TaskOutcome.Completed, recorder.Task(0).Status);
        Assert.Equal((Specs.TxPowerW * upload) + 0.045, recorder.Task(0).EnergyJ, 1e-15);
    }

    [Fact]
    public void Given_two_local_tasks_When_both_are_dropped_at_their_deadline_Then_the_one_in_service_carries_its_work_so_far_and_the_queued_one_nothing()
    {
        // Each needs 50 MFLOP (1/6 s); the deadline is 0.1 s. The first has done 0.1 * 3e8 = 3e7
        // operations when it is dropped: 3e7 * 9e-11 = 2.7e-3 J. The second never started.
        var recorder = Run(Spec(Specs.FixedModel(), [At(0), At(0)], deadline: 0.1), local: true);

        Assert.Equal(TaskOutcome.Dropped, recorder.Task(0).Status);
        Assert.Equal(2.7e-3, recorder.Task(0).EnergyJ, 1e-15);
        Assert.Equal(TaskOutcome.Dropped, recorder.Task(1).Status);
        Assert.Equal(0.0, recorder.Task(1).EnergyJ);
    }

    [Fact]
    public void Given_an_offloaded_task_When_it_is_dropped_mid_service_on_the_edge_Then_it_carries_its_upload_and_the_edge_work_done()
    {
        // Upload 0 to 0.01 s (1e-3 J); 15 GFLOP on the edge would take 1 s, from 0.01; dropped at
        // 0.51 after 0.5 s, 7.5e9 operations: 7.5e9 * 2.25e-10 = 1.6875 J.
        var recorder = Run(Spec(Specs.FixedModel(serverOps: 15e9), [At(0)], deadline: 0.51), local: false);

        Assert.Equal(TaskOutcome.Dropped, recorder.Task(0).Status);
        Assert.Equal(1e-3 + 1.6875, recorder.Task(0).EnergyJ, 1e-12);
    }

    [Fact]
    public void Given_an_offloaded_task_When_it_is_dropped_mid_upload_Then_it_carries_the_transmission_so_far_only()
    {
        // Dropped at 4 ms of its 10 ms upload: 0.1 W * 0.004 s.
        var recorder = Run(Spec(Specs.FixedModel(), [At(0)], deadline: 0.004), local: false);

        Assert.Equal(TaskOutcome.Dropped, recorder.Task(0).Status);
        Assert.Equal(4e-4, recorder.Task(0).EnergyJ, 1e-15);
    }

    [Fact]
    public void Given_local_tasks_still_running_at_the_end_of_the_run_Then_the_one_in_service_carries_its_work_so_far_and_the_queued_one_nothing()
    {
        // Arrivals stop and the run ends at 1 s (no drain). A 600 MFLOP task (2 s) starts at 0.5:
        // 0.5 s done, 1.5e8 operations, 1.5e8 * 9e-11 = 0.0135 J; the next, from 0.6, waits.
        var spec = Spec(Specs.FixedModel(deviceOps: 6e8), [At(0.5), At(0.6)]) with { Duration = 1, Drain = false };

        var recorder = Run(spec, local: true);

        Assert.Equal(TaskOutcome.Unfinished, recorder.Task(0).Status);
        Assert.Equal(0.0135, recorder.Task(0).EnergyJ, 1e-15);
        Assert.Equal(TaskOutcome.Unfinished, recorder.Task(1).Status);
        Assert.Equal(0.0, recorder.Task(1).EnergyJ);
    }

    [Fact]
    public void Given_a_download_power_When_a_task_starts_a_download_Then_it_carries_the_download_and_a_task_joining_it_does_not()
    {
        // The model (1 Gbit) is downloaded at 1 Gbit/s from 0.01 s, after the first upload: 1 s at
        // 2 W is 2 J on the first task. The second task (upload 0.2 to 0.21 s) waits for the same
        // download and carries only its upload. Edge compute is free here (kappa 0).
        var model = Specs.FixedModel(sizeBits: 1e9);
        var spec = Spec(model, [At(0), At(0.2)]) with
        {
            Preload = [],
            DownloadPowerW = 2,
            BackhaulRate = 1e9,
            BackhaulDelay = 0.002,
            EdgeKappa = 0,
        };

        var recorder = Run(spec, local: false);

        Assert.All(recorder.Tasks, t => Assert.Equal(TaskOutcome.Completed, t.Status));
        Assert.Equal(1e-3 + 2.0, recorder.Task(0).EnergyJ, 1e-12);
        Assert.Equal(1e-3, recorder.Task(1).EnergyJ, 1e-15);
    }

    [Fact]
    public void Given_a_download_power_When_the_task_that_started_the_download_is_dropped_mid_download_Then_it_carries_the_part_sent()
    {
        // Download from 0.01 s; the task is dropped at 0.51 s, after 0.5 s of it at 2 W.
        var spec = Spec(Specs.FixedModel(sizeBits: 1e9), [At(0)], deadline: 0.51) with
        {
            Preload = [],
            DownloadPowerW = 2,
            BackhaulRate = 1e9,
            EdgeKappa = 0,
        };

        var recorder = Run(spec, local: false);

        Assert.Equal(TaskOutcome.Dropped, recorder.Task(0).Status);
        Assert.Equal(1e-3 + 1.0, recorder.Task(0).EnergyJ, 1e-12);
    }
}
