using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>Bounded uplink grants and admission control, on worlds whose numbers are worked out by hand.</summary>
public class AdmissionAndGrantTests
{
    private const double Bits = 1.2e6;
    private const double EdgeCompute = 200e6 / 15e9;
    private const double LocalCompute = 50e6 / 300e6;

    /// <summary>Two UEs 100 m and 150 m from one station; each sends one task at t = 0.</summary>
    private static WorldSpec TwoAtOnce(double deadline = double.PositiveInfinity)
    {
        var model = Specs.FixedModel();
        return Specs.Points(
            [new Point(100, 0), new Point(0, 150)],
            [new Point(0, 0)],
            [new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(0, 1, 0, double.NaN)],
            [model],
            [Specs.Type(model, Bits, deadline: deadline)]);
    }

    private static double AloneUpload(double metres) => Bits / (Specs.Bandwidth * Math.Log2(1 + (Specs.TxPowerW * Specs.Gain(metres) / Specs.NoiseW)));

    private static ListRecorder Run(WorldSpec spec)
    {
        var recorder = new ListRecorder();
        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();
        return recorder;
    }

    [Fact]
    public void Given_one_grant_and_two_uploads_at_once_Then_the_second_waits_exactly_the_first_upload_time_and_each_sends_on_the_whole_band()
    {
        var recorder = Run(TwoAtOnce() with { MaxGrants = 1 });

        var first = recorder.Task(0);
        var second = recorder.Task(1);
        Assert.Equal(0, first.GrantWait);
        Assert.Equal(AloneUpload(100), first.UploadEnd - first.UploadStart, 1e-12);
        Assert.Equal(first.UploadEnd - first.UploadStart, second.GrantWait, 1e-15);
        Assert.Equal(first.UploadEnd, second.UploadStart);
        Assert.Equal(AloneUpload(150), second.UploadEnd - second.UploadStart, 1e-12);
        // One edge core: the second task's compute starts when both its upload and the first's compute have ended.
        Assert.Equal(AloneUpload(100) + Math.Max(AloneUpload(150), EdgeCompute) + EdgeCompute, second.Latency, 1e-12);
    }

    [Fact]
    public void Given_unbounded_grants_Then_two_uploads_at_once_share_the_band_and_wait_for_no_grant()
    {
        var recorder = Run(TwoAtOnce());

        var first = recorder.Task(0);
        Assert.Equal(0, first.GrantWait);
        Assert.Equal(0, recorder.Task(1).GrantWait);
        Assert.True(first.UploadEnd - first.UploadStart > 1.5 * AloneUpload(100));
    }

    [Fact]
    public void Given_a_local_task_Then_its_grant_wait_is_null()
    {
        var spec = TwoAtOnce() with { MaxGrants = 1 };
        var recorder = new ListRecorder();
        WorldBuilder.Build(spec, _ => new LocalPolicy(), recorder).Run();

        Assert.All(recorder.Tasks, t => Assert.True(double.IsNaN(t.GrantWait)));
    }

    [Fact]
    public void Given_queue_capacity_of_one_task_When_two_tasks_come_at_once_Then_the_second_is_refused_for_capacity_and_runs_on_its_device()
    {
        var recorder = Run(TwoAtOnce() with { Admission = new Admission(QueueTasks: 1) });

        var first = recorder.Task(0);
        var second = recorder.Task(1);
        Assert.Equal(RejectReason.None, first.Rejected);
        Assert.Equal("edge:0", first.Target);
        Assert.Equal(AloneUpload(100) + EdgeCompute, first.Latency, 1e-12);
        Assert.Equal(RejectReason.Capacity, second.Rejected);
        Assert.Equal("local", second.Target);
        Assert.Equal(0, second.OffloadRatio);
        Assert.Equal(TaskOutcome.Completed, second.Status);
        Assert.Equal(LocalCompute, second.Latency, 1e-12);
    }

    [Fact]
    public void Given_queue_capacity_of_one_task_When_the_first_has_finished_Then_the_next_is_admitted()
    {
        var model = Specs.FixedModel();
        var spec = Specs.Points(
            [new Point(100, 0)],
            [new Point(0, 0)],
            [new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(1, 0, 0, double.NaN)],
            [model],
            [Specs.Type(model, Bits)]) with { Admission = new Admission(QueueTasks: 1) };

        var recorder = Run(spec);

        Assert.All(recorder.Tasks, t => Assert.Equal(RejectReason.None, t.Rejected));
        Assert.All(recorder.Tasks, t => Assert.Equal("edge:0", t.Target));
    }

    [Fact]
    public void Given_queue_capacity_in_work_below_two_tasks_When_two_come_at_once_Then_the_second_is_refused_for_capacity()
    {
        var recorder = Run(TwoAtOnce() with { Admission = new Admission(QueueWorkOps: 300e6) });

        Assert.Equal(RejectReason.None, recorder.Task(0).Rejected);
        Assert.Equal(RejectReason.Capacity, recorder.Task(1).Rejected);
        Assert.Equal(LocalCompute, recorder.Task(1).Latency, 1e-12);
    }

    [Fact]
    public void Given_deadline_admission_When_the_work_ahead_makes_the_second_task_late_Then_it_is_refused_for_deadline_and_runs_locally()
    {
        // First: 200 MFLOP alone at 15 GFLOPS = 13.3 ms <= 20 ms, admitted. Second: the first's
        // 200 MFLOP (still uploading) ahead plus its own = 26.7 ms > 20 ms, refused.
        var recorder = Run(TwoAtOnce(deadline: 0.020) with { Admission = new Admission(Deadline: true) });

        Assert.Equal(RejectReason.None, recorder.Task(0).Rejected);
        Assert.Equal("edge:0", recorder.Task(0).Target);
        var second = recorder.Task(1);
        Assert.Equal(RejectReason.Deadline, second.Rejected);
        Assert.Equal("local", second.Target);
        Assert.Equal(LocalCompute, second.Latency, 1e-12);
    }

    [Fact]
    public void Given_deadline_admission_When_own_work_alone_misses_the_deadline_Then_the_task_is_refused()
    {
        var recorder = Run(TwoAtOnce(deadline: 0.013) with { Admission = new Admission(Deadline: true) });

        Assert.All(recorder.Tasks, t => Assert.Equal(RejectReason.Deadline, t.Rejected));
    }

    [Fact]
    public void Given_a_coverage_radius_When_a_ue_is_beyond_it_Then_its_task_is_refused_for_range_and_the_other_is_admitted()
    {
        var recorder = Run(TwoAtOnce() with { Admission = new Admission(CoverageM: 120) });

        Assert.Equal(RejectReason.None, recorder.Task(0).Rejected);
        Assert.Equal("edge:0", recorder.Task(0).Target);
        var far = recorder.Task(1);
        Assert.Equal(RejectReason.Range, far.Rejected);
        Assert.Equal("local", far.Target);
        Assert.Equal(LocalCompute, far.Latency, 1e-12);
    }

    [Fact]
    public void Given_drop_fallback_When_a_task_is_refused_Then_it_is_recorded_dropped_with_its_reason()
    {
        var recorder = Run(TwoAtOnce() with { Admission = new Admission(CoverageM: 120, Fallback: FallbackKind.Drop) });

        var far = recorder.Task(1);
        Assert.Equal(TaskOutcome.Dropped, far.Status);
        Assert.Equal(RejectReason.Range, far.Rejected);
        Assert.Equal(0, far.Ended);
        Assert.Equal(0, far.EnergyJ);
    }

    [Fact]
    public void Given_cloud_fallback_When_the_edge_is_full_Then_the_refused_task_runs_in_the_cloud_through_its_station()
    {
        var spec = TwoAtOnce() with { Admission = new Admission(QueueTasks: 1, Fallback: FallbackKind.Cloud), Cloud = true, CloudRate = 100e9, BackhaulRate = 1e9 };

        var recorder = Run(spec);

        var second = recorder.Task(1);
        Assert.Equal(RejectReason.Capacity, second.Rejected);
        Assert.Equal("cloud", second.Target);
        Assert.Equal(TaskOutcome.Completed, second.Status);
    }

    [Fact]
    public void Given_a_city_sized_gap_and_cloud_fallback_When_a_task_is_sent_to_a_station_out_of_coverage_Then_it_reaches_the_cloud_through_the_strongest_station_in_coverage()
    {
        // Station 0 is 10 km from the UE, beyond its 2.07 km range at the 1e-2 tolerance, so the
        // gains are kept for stations 1 and 2 only; the task sent to 0 is refused for range (100 m
        // coverage) and goes to the cloud through station 2 (50 m away), not 1 (150 m, out of coverage).
        var model = Specs.FixedModel();
        var spec = Specs.Points(
            [new Point(10_000, 150)],
            [new Point(0, 0), new Point(10_000, 0), new Point(10_000, 200)],
            [new TraceArrival(0, 0, 0, double.NaN)],
            [model],
            [Specs.Type(model, Bits)]) with
        {
            Radio = Specs.Shannon() with { InterferenceTolerance = 1e-2 },
            Admission = new Admission(CoverageM: 100, Fallback: FallbackKind.Cloud),
            Cloud = true,
            CloudRate = 100e9,
            BackhaulRate = 1e9,
        };
        var run = WorldBuilder.Build(spec, _ => new ToStation(0), new ListRecorder());
        var vias = new List<int>();
        run.World.TaskFinished += t => vias.Add(t.Via);

        run.Run();

        Assert.False(run.World.Channel.Gains.Dense);
        Assert.Equal([1, 2], run.World.Channel.Gains.Stations(0).ToArray());
        Assert.Equal([2], vias);
    }

    /// <summary>Sends every task to one station.</summary>
    private sealed class ToStation(int edge) : IPolicy
    {
        public string Name => "to-station";

        public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) =>
            batch.Select(t => Assignment.Edge(t.Id, edge)).ToArray();
    }

    [Fact]
    public void Given_no_admission_control_Then_no_task_is_refused()
    {
        var recorder = Run(TwoAtOnce(deadline: 0.001));

        Assert.All(recorder.Tasks, t => Assert.Equal(RejectReason.None, t.Rejected));
        Assert.All(recorder.Tasks, t => Assert.Equal("edge:0", t.Target));
    }
}
