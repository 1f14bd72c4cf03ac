using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Mobility;
using NetSim.Network.Policies;
using NetSim.Network.Recording;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>
/// Moving UEs against hand calculation: one UE driving east at constant speed along y = 20 m past
/// stations at (0, 0) and (1000, 0), position updates every 0.1 s. The numbers each test expects
/// are worked out here from the path-loss law, Shannon's formula and the documented update rule
/// (docs/models.md, Mobility), not read from the simulator.
/// </summary>
public class MobilityTests
{
    private const double Speed = 25;
    private const double X0 = 401;
    private const double Y = 20;
    private const double Step = 0.1;
    private const double HysteresisDb = 3.1;
    private const double Ttt = 0.3;
    private const double Interruption = 0.05;
    private const double BackhaulRate = 1e8;
    private const double BackhaulDelay = 0.002;
    private const double ResultBits = 2e6;
    private const double DownlinkRate = 5e7;
    private static readonly Point[] Stations = [new(0, 0), new(1000, 0)];

    private static Point At(double t) => new(X0 + (Speed * t), Y);

    private static double Rate(Point ue, int station) =>
        Specs.Bandwidth * Math.Log2(1 + (Specs.TxPowerW * Specs.Gain(ue.DistanceTo(Stations[station])) / Specs.NoiseW));

    private static double MarginDb(Point ue) =>
        10 * Math.Log10(Specs.Gain(ue.DistanceTo(Stations[1])) / Specs.Gain(ue.DistanceTo(Stations[0])));

    /// <summary>The first update at which station 1 beats station 0 by the hysteresis, then the first update a time to trigger later.</summary>
    private static double HandoverTime(double hysteresisDb = HysteresisDb)
    {
        var k = 1;
        while (!(MarginDb(At(k * Step)) > hysteresisDb))
        {
            k++;
        }

        var first = k * Step;
        while (k * Step - first < Ttt - 1e-9)
        {
            k++;
        }

        return k * Step;
    }

    private static WorldSpec Highway(IReadOnlyList<TraceArrival> trace, double bits, bool restart = false, double coverage = double.PositiveInfinity)
    {
        var model = Specs.FixedModel();
        return Specs.Points([new Point(X0, Y)], Stations, trace, [model], [Specs.Type(model, bits)]) with
        {
            Options = Specs.Options() with { Downlink = true, DownlinkRate = DownlinkRate, ResultBits = ResultBits },
            BackhaulRate = BackhaulRate,
            BackhaulDelay = BackhaulDelay,
            Admission = new Scheduling.Admission(CoverageM: coverage),
            Mobility = new MobilitySettings
            {
                Trajectory = (_, start, _) => new LinearTrajectory(start, 0, Speed),
                Update = Step,
                Rule = AssociationRule.Strongest,
                HysteresisDb = HysteresisDb,
                TimeToTrigger = Ttt,
                Interruption = Interruption,
                Restart = restart,
            },
        };
    }

    [Fact]
    public void Given_a_ue_driving_past_two_stations_When_time_passes_Then_gains_and_rates_follow_the_path_loss_at_the_last_update()
    {
        var run = WorldBuilder.Build(Highway([], 1e6), _ => new NearestPolicy(), new ListRecorder());
        var world = run.World;
        run.Start();
        foreach (var k in new[] { 1, 10, 37, 80 })
        {
            var t = (k + 0.5) * Step;
            world.RunUntil(t, default);
            var placed = At(k * Step);
            for (var m = 0; m < 2; m++)
            {
                var gain = Specs.Gain(placed.DistanceTo(Stations[m]));
                Assert.Equal(gain, world.Channel.Gain(0, m), gain * 1e-9);
                Assert.Equal(Rate(placed, m), world.Observation.UplinkRateIfStarted(0, m), 1e-9 * Rate(placed, m));
            }

            Assert.Equal(At(t).X, world.Observation.UePosition(0).X, 1e-9);
            Assert.Equal((Speed, 0.0), world.Observation.UeVelocity(0));
        }
    }

    [Fact]
    public void Given_a_ue_on_a_straight_path_When_a_policy_asks_for_its_next_handover_Then_the_forecast_is_the_hand_computed_handover_instant()
    {
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(Highway([], 1e6), _ => new NearestPolicy(), recorder);
        var world = run.World;
        run.Start();
        const double Now = 1.05;
        world.RunUntil(Now, default);

        // Strongest rule: the first update with a 3.1 dB margin, then the time to trigger (HandoverTime, from the path-loss law).
        var expected = HandoverTime() - Now;
        var (at, to) = world.Observation.ExpectedHandover(0, 100);
        Assert.Equal(expected, at, 1e-9);
        Assert.Equal(1, to);
        Assert.Equal((double.PositiveInfinity, -1), world.Observation.ExpectedHandover(0, expected - (Step / 2)));

        // The forecast comes true, and past the last station none is expected.
        world.RunUntil(Now + expected + (Step / 2), default);
        Assert.Equal(Now + expected, Assert.Single(recorder.Handovers).Time, 1e-9);
        Assert.Equal((double.PositiveInfinity, -1), world.Observation.ExpectedHandover(0, 100));
    }

    [Fact]
    public void Given_the_nearest_rule_When_a_policy_asks_for_the_next_handover_Then_it_is_the_first_update_past_the_midpoint_plus_the_time_to_trigger()
    {
        var spec = Highway([], 1e6);
        var run = WorldBuilder.Build(spec with { Mobility = spec.Mobility with { Rule = AssociationRule.Nearest } }, _ => new NearestPolicy(), new ListRecorder());
        run.Start();
        run.World.RunUntil(2.05, default);

        // x = 401 + 25 t passes the midpoint x = 500 at t = 3.96 s: the update at 4.0 s sees station 1 nearer, 0.3 s later it takes over.
        var (at, to) = run.World.Observation.ExpectedHandover(0, 100);
        Assert.Equal(4.0 + Ttt - 2.05, at, 1e-9);
        Assert.Equal(1, to);
    }

    [Fact]
    public void Given_hysteresis_and_time_to_trigger_When_the_ue_drives_past_the_midpoint_Then_it_is_handed_over_once_at_the_hand_computed_update()
    {
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(Highway([], 1e6), _ => new NearestPolicy(), recorder);
        run.Start();
        run.World.RunUntil(20, default);

        // The margin crosses the hysteresis between two updates, not at one (so the update rule,
        // not a rounding tie, decides which update sees it first).
        var crossing = Enumerable.Range(1, 400).Select(k => k * Step).First(t => MarginDb(At(t)) > HysteresisDb);
        Assert.True(MarginDb(At(crossing - Step)) < HysteresisDb - 0.01 && MarginDb(At(crossing)) > HysteresisDb + 0.01);
        var expected = HandoverTime();
        var handover = Assert.Single(recorder.Handovers);
        Assert.Equal(expected, handover.Time, 1e-9);
        Assert.Equal((0, 1, "strongest"), (handover.From, handover.To, handover.Reason));
        Assert.Equal(1, run.World.Handovers);
        Assert.Equal(1, run.World.Observation.ServingStation(0));

        // Without hysteresis the handover comes at the first update past the midpoint x = 500 m
        // (t = 3.96 s), at t = 4 s, plus the time to trigger.
        var plain = new ListRecorder();
        var spec = Highway([], 1e6);
        var noHysteresis = WorldBuilder.Build(spec with { Mobility = spec.Mobility with { HysteresisDb = 0 } }, _ => new NearestPolicy(), plain);
        noHysteresis.Start();
        noHysteresis.World.RunUntil(20, default);
        Assert.Equal(4 + Ttt, HandoverTime(0), 1e-9);
        Assert.Equal(4 + Ttt, Assert.Single(plain.Handovers).Time, 1e-9);
    }

    [Fact]
    public void Given_a_ue_driving_past_two_stations_When_its_path_is_recorded_Then_its_corners_are_the_start_the_handover_and_the_end_at_their_exact_places()
    {
        var recorder = new ListRecorder(TraceLevel.Tasks);
        var run = WorldBuilder.Build(Highway([], 1e6), _ => new NearestPolicy(), recorder);
        run.Start();
        run.World.RunUntil(10.05, default);
        run.World.FinishRun();

        // One endless leg: a row at t = 0 (x = 401 m, station 0), one at the hand-computed
        // handover's update (station 1 from then on) and one where the run ended, 10.05 s;
        // x = 401 + 25 t, y = 20 m throughout.
        var handover = HandoverTime();
        var expected = new[] { (0.0, 0), (handover, 1), (10.05, 1) };
        Assert.Equal(expected.Length, recorder.Positions.Count);
        foreach (var ((t, station), p) in expected.Zip(recorder.Positions))
        {
            Assert.Equal(0, p.Ue);
            Assert.Equal(t, p.Time, 1e-12);
            Assert.Equal(X0 + (Speed * t), p.X, 1e-9);
            Assert.Equal(Y, p.Y);
            Assert.Equal(station, p.Station);
        }

        // Below task detail nothing is recorded.
        var summary = new ListRecorder(TraceLevel.Summary);
        var quiet = WorldBuilder.Build(Highway([], 1e6), _ => new NearestPolicy(), summary);
        quiet.Start();
        quiet.World.RunUntil(10.05, default);
        quiet.World.FinishRun();
        Assert.Empty(summary.Positions);
    }

    [Fact]
    public void Given_a_random_waypoint_ue_When_its_path_is_recorded_Then_the_line_through_its_rows_is_its_trajectory_at_every_moment()
    {
        // The world's UE and a twin trajectory built alike with the same seed go the same way; the
        // twin is read on a 1 ms grid independent of the updates, legs and rows. Short legs (a
        // 60 m square around the UE's start at 5 to 10 m/s, 0.5 s pauses) make many corners
        // between updates.
        var area = new Area(X0 - 30, Y - 30, X0 + 30, Y + 30);
        Trajectory Make(Point start) => new RandomWaypointTrajectory(start, area, 5, 10, 0.5, new Random(7));
        var spec = Highway([], 1e6);
        spec = spec with { Mobility = spec.Mobility with { Trajectory = (_, start, _) => Make(start) } };
        var recorder = new ListRecorder(TraceLevel.Tasks);
        var run = WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder);
        var twin = Make(run.World.Ues[0].Position);
        run.Start();
        run.World.RunUntil(30, default);
        run.World.FinishRun();

        var rows = recorder.Positions;
        Assert.True(rows.Count > 10, $"{rows.Count} rows: too few corners for the check to mean anything");
        Assert.Equal(30, rows[^1].Time, 1e-12);
        for (var i = 0; i <= 30_000; i++)
        {
            var t = i * 1e-3;
            var after = rows.FindIndex(r => r.Time >= t);
            var (a, b) = (rows[Math.Max(after - 1, 0)], rows[after]);
            var f = b.Time > a.Time ? (t - a.Time) / (b.Time - a.Time) : 1;
            var at = twin.At(t);
            Assert.Equal(at.X, a.X + (f * (b.X - a.X)), 1e-9);
            Assert.Equal(at.Y, a.Y + (f * (b.Y - a.Y)), 1e-9);
        }
    }

    [Fact]
    public void Given_an_upload_to_a_station_that_does_not_serve_the_ue_When_the_ue_leaves_its_coverage_Then_the_task_is_dropped_at_that_update_as_coverage_lost()
    {
        // The UE drives west from x = 401 m; coverage 650 m. Station 0 serves it throughout (it
        // is always the nearer and stronger); the task, created at 0.5 s, goes to edge 1, 599.3 m
        // away then, so admission lets it upload there. Station 1 is 650 m away once
        // (1000 - x)^2 + 20^2 = 650^2, x = 350.31 m, t = 2.028 s: the first update past that
        // finds the UE out of its coverage and the upload fails there.
        const double coverage = 650;
        const double created = 0.5;
        var spec = Highway([new TraceArrival(created, 0, 0, double.NaN)], 400e6, coverage: coverage);
        spec = spec with { Mobility = spec.Mobility with { Trajectory = (_, start, _) => new LinearTrajectory(start, 180, Speed) } };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new EdgePolicy(1), recorder).Run();

        Point West(double t) => new(X0 - (Speed * t), Y);
        var k = 1;
        while (West(k * Step).DistanceTo(Stations[1]) <= coverage)
        {
            k++;
        }

        Assert.Equal(21, k);
        Assert.True(West((k - 1) * Step).DistanceTo(Stations[1]) < coverage - 0.5 && West(k * Step).DistanceTo(Stations[1]) > coverage + 0.5, "the crossing must fall between two updates, not on one");
        var task = recorder.Task(0);
        Assert.Equal((TaskOutcome.Dropped, RejectReason.CoverageLost, "edge:1"), (task.Status, task.Rejected, task.Target));
        Assert.Equal(created, task.UploadStart, 1e-12);
        Assert.Equal(k * Step, task.Ended, 1e-9);
        Assert.Empty(recorder.Handovers);

        // With unlimited coverage the same upload is still going at that update: it was in progress.
        var unlimited = new ListRecorder();
        WorldBuilder.Build(spec with { Admission = new Admission() }, _ => new EdgePolicy(1), unlimited).Run();
        var free = unlimited.Task(0);
        Assert.True(free.Rejected == RejectReason.None && !(free.UploadEnd <= k * Step), $"upload end {free.UploadEnd}: the upload must outlast the update for this test to mean anything");
    }

    [Fact]
    public void Given_coverage_by_signal_to_noise_ratio_When_the_ue_leaves_it_Then_the_upload_fails_at_the_update_a_radius_of_the_same_ratio_gives()
    {
        // The least SNR is the one 650 m from a station (0.1 W, the path-loss law, -100 dBm of
        // noise: -1.066 dB): the coverage is the 650 m disk of the previous test, so the upload to
        // edge 1 fails at the same update, t = 2.1 s. At 2.0 s the UE is 649.3 m from station 1,
        // 0.017 dB above the least SNR, at 2.1 s 651.8 m away, 0.045 dB below it.
        var snrDb = 10 * Math.Log10(Specs.TxPowerW * Specs.Gain(650) / Specs.NoiseW);
        var spec = Highway([new TraceArrival(0.5, 0, 0, double.NaN)], 400e6) with { Admission = new Admission(CoverageSnrDb: snrDb) };
        spec = spec with { Mobility = spec.Mobility with { Trajectory = (_, start, _) => new LinearTrajectory(start, 180, Speed) } };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new EdgePolicy(1), recorder).Run();

        var task = recorder.Task(0);
        Assert.Equal((TaskOutcome.Dropped, RejectReason.CoverageLost, "edge:1"), (task.Status, task.Rejected, task.Target));
        Assert.Equal(2.1, task.Ended, 1e-9);

        // A UE created out of it is refused (range) as beyond a radius: 0.5 s later, at x = 338.5 m.
        var late = new ListRecorder();
        var lateSpec = spec with { Trace = [new TraceArrival(2.5, 0, 0, double.NaN)] };
        WorldBuilder.Build(lateSpec, _ => new EdgePolicy(1), late).Run();
        Assert.Equal(RejectReason.Range, late.Task(0).Rejected);
    }

    private sealed class EdgePolicy(int edge) : IPolicy
    {
        public string Name => "edge";

        public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch) =>
            batch.Select(t => Assignment.Edge(t.Id, edge)).ToArray();
    }

    /// <summary>
    /// The upload's rate is that of the UE's position at the last placement: its start, each update,
    /// and its resumption after the handover's interruption; the bits left at the handover carry
    /// over (continue) or start again (restart).
    /// </summary>
    private static double UploadEnd(double start, double bits, double handover, bool restart)
    {
        var t = start;
        var left = bits;
        var station = 0;
        while (true)
        {
            var rate = Rate(At(t), station);
            var next = (Math.Floor((t / Step) + 1e-9) + 1) * Step;
            if (left <= rate * (next - t))
            {
                return t + (left / rate);
            }

            left -= rate * (next - t);
            t = next;
            if (station == 0 && Math.Abs(next - handover) < 1e-9)
            {
                left = restart ? bits : left;
                station = 1;
                t = handover + Interruption;
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_an_upload_that_spans_the_handover_When_it_ends_Then_its_end_its_relays_and_its_latency_are_the_hand_computed_ones(bool restart)
    {
        const double created = 3.8;
        const double bits = 100e6;
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(Highway([new TraceArrival(created, 0, 0, double.NaN)], bits, restart), _ => new NearestPolicy(), recorder);

        run.Run();

        var handover = HandoverTime();
        var uploadEnd = UploadEnd(created, bits, handover, restart);
        Assert.True(uploadEnd > handover + Interruption, "the upload must span the handover for this test to mean anything");

        // The input ended at station 1 but its target is edge 0 (nearest at creation): relayed over
        // station 1's backhaul. The result computed at edge 0 goes to station 1, which serves the
        // UE since the handover, over edge 0's backhaul, then down the downlink.
        var inputRelay = (bits / BackhaulRate) + BackhaulDelay;
        var compute = 200e6 / 15e9;
        var resultRelay = (ResultBits / BackhaulRate) + BackhaulDelay;
        var completed = uploadEnd + inputRelay + compute + resultRelay + (ResultBits / DownlinkRate);
        var task = recorder.Task(0);
        Assert.Equal("edge:0", task.Target);
        Assert.Equal(TaskOutcome.Completed, task.Status);
        Assert.Equal(created, task.UploadStart, 1e-12);
        Assert.Equal(uploadEnd, task.UploadEnd, 1e-9);
        Assert.Equal(inputRelay + resultRelay, task.Relay, 1e-9);
        Assert.Equal(completed, task.Completed, 1e-9);
        Assert.Equal(1, Assert.Single(recorder.Handovers).Uploads);
    }

    [Fact]
    public void Given_a_result_computed_before_the_handover_When_the_ue_has_moved_on_since_its_upload_Then_only_the_result_hop_is_added()
    {
        // A small upload to edge 0 ends before the handover; edge 0 computes for 3 s, past it.
        var model = Specs.FixedModel(serverOps: 45e9);
        var spec = Highway([new TraceArrival(3.5, 0, 0, double.NaN)], 1e6) with { Models = [model], TaskTypes = [Specs.Type(model, 1e6)], Preload = [model] };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        var uploadEnd = UploadEnd(3.5, 1e6, HandoverTime(), restart: false);
        Assert.True(uploadEnd < HandoverTime() && uploadEnd + 3 > HandoverTime(), "the upload must end before the handover and the compute after it");
        var resultRelay = (ResultBits / BackhaulRate) + BackhaulDelay;
        var task = recorder.Task(0);
        Assert.Equal(uploadEnd, task.UploadEnd, 1e-9);
        Assert.Equal(resultRelay, task.Relay, 1e-9);
        Assert.Equal(uploadEnd + 3 + resultRelay + (ResultBits / DownlinkRate), task.Completed, 1e-9);
    }

    [Fact]
    public void Given_a_coverage_radius_When_the_ue_drives_out_of_every_station_during_an_upload_Then_the_upload_fails_with_coverage_lost()
    {
        // One station at the origin with a 450 m radius: the UE leaves it at x = sqrt(450^2 - 20^2)
        // (t = (that - 401) / 25 s), while a long upload is still in progress.
        var spec = Highway([new TraceArrival(0.5, 0, 0, double.NaN)], 1e9, coverage: 450) with
        {
            EdgeCount = 1,
            EdgePlacement = new Placement(PlacementKind.Points, default, 0, 0, 0, [Stations[0]]),
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        var leaves = (Math.Sqrt((450 * 450) - (Y * Y)) - X0) / Speed;
        var firstUpdateOutside = Math.Ceiling(leaves / Step) * Step;
        var task = recorder.Task(0);
        Assert.Equal(TaskOutcome.Dropped, task.Status);
        Assert.Equal(RejectReason.CoverageLost, task.Rejected);
        Assert.Equal(firstUpdateOutside, task.Ended, 1e-9);
        Assert.Empty(recorder.Handovers);
    }

    [Fact]
    public void Given_a_seed_When_a_moving_world_runs_twice_Then_tasks_and_handovers_are_identical_and_another_seed_differs()
    {
        static (List<TaskRecord>, List<HandoverRecord>) Run(ulong seed)
        {
            var recorder = new ListRecorder();
            WorldBuilder.Build(Crowd(seed, moving: 6), _ => new NearestPolicy(), recorder).Run();
            return (recorder.Tasks.OrderBy(t => t.TaskId).ToList(), recorder.Handovers);
        }

        var (tasks, handovers) = Run(11);
        var (again, handoversAgain) = Run(11);
        var (other, handoversOther) = Run(12);

        Assert.NotEmpty(handovers);
        Assert.Equal(tasks, again);
        Assert.Equal(handovers, handoversAgain);
        Assert.NotEqual(handovers, handoversOther);
    }

    [Fact]
    public void Given_one_ue_made_to_move_When_the_world_is_built_Then_no_other_ue_draws_anything_different()
    {
        var still = new ListRecorder();
        var oneMoving = new ListRecorder();
        var a = WorldBuilder.Build(Crowd(5, moving: 0), _ => new LocalPolicy(), still);
        var b = WorldBuilder.Build(Crowd(5, moving: 1), _ => new LocalPolicy(), oneMoving);
        a.Run();
        b.Run();

        Assert.False(a.World.Mobile);
        Assert.True(b.World.Mobile);
        static object Draws(TaskRecord t) => (t.TaskId, t.Ue, t.Created, t.SizeBits, t.Completed, t.EnergyJ);
        Assert.Equal(
            still.Tasks.Where(t => t.Ue > 0).OrderBy(t => t.TaskId).Select(Draws),
            oneMoving.Tasks.Where(t => t.Ue > 0).OrderBy(t => t.TaskId).Select(Draws));
        Assert.Equal(a.World.Places().Skip(1), b.World.Places().Skip(1));
    }

    /// <summary>Six UEs in a disk among four stations, Poisson arrivals; the first <paramref name="moving"/> UEs walk by random waypoint.</summary>
    private static WorldSpec Crowd(ulong seed, int moving)
    {
        var model = Specs.FixedModel();
        return new WorldSpec
        {
            Seed = seed,
            Duration = 60,
            Options = Specs.Options(),
            UeCount = 6,
            UePlacement = new Placement(PlacementKind.Disk, default, 400, 0, 0, []),
            UeRate = r => 200e6 + (200e6 * r.NextDouble()),
            UeTxPowerW = Specs.TxPowerW,
            Arrivals = ArrivalKind.Poisson,
            ArrivalInterval = 0.5,
            Models = [model],
            TaskTypes = [new TaskTypeSpec(0, "t", model, 1, r => 1e6 + (4e6 * r.NextDouble()), _ => double.PositiveInfinity, 20)],
            EdgeCount = 4,
            EdgePlacement = new Placement(PlacementKind.Grid, default, 0, 800, 800, []),
            BandwidthHz = Specs.Bandwidth,
            EdgeRate = 15e9,
            Radio = Specs.Shannon(),
            Preload = [model],
            Mobility = new MobilitySettings
            {
                Trajectory = (n, start, random) => n < moving ? new RandomWaypointTrajectory(start, new Area(-400, -400, 400, 400), 10, 30, 1, random) : null,
                HysteresisDb = 1,
                TimeToTrigger = 0.2,
            },
        };
    }
}
