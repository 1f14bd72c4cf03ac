using NetSim.Network.Building;
using NetSim.Network.Geometry;
using NetSim.Network.Mobility;
using NetSim.Network.Policies;
using NetSim.Network.Tests.World;

namespace NetSim.Network.Tests.Scenario;

/// <summary>The <c>ues.mobility</c> keys: defaults, values reaching the world, the trace file and its errors.</summary>
public class MobilityKeyTests
{
    private const string TwoStations = "base_stations:\n  count: 2\n  placement: {kind: points, points: [[0m, 0m], [1000m, 0m]]}\n";

    private static WorldSpec Spec(TempScenario dir, string yaml)
    {
        dir.Write("s.yaml", yaml);
        var result = dir.Load("s.yaml", []);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return NetSim.Network.Scenario.ScenarioMapper.ToSpec(result.Scenario!, 1);
    }

    [Fact]
    public void Given_no_mobility_section_Then_every_ue_stands_still_and_the_world_takes_no_mobility_step()
    {
        using var dir = new TempScenario();
        var spec = Spec(dir, TwoStations);

        Assert.Same(MobilitySettings.Static, spec.Mobility);
        var run = WorldBuilder.Build(spec, _ => new NearestPolicy(), new ListRecorder());
        Assert.False(run.World.Mobile);
        Assert.Equal(-1, run.World.Observation.ServingStation(0));
    }

    [Fact]
    public void Given_linear_mobility_and_handover_keys_Then_each_reaches_the_world_spec()
    {
        using var dir = new TempScenario();
        var spec = Spec(dir, "ues:\n  count: 3\n  mobility:\n    kind: linear\n    moving: 2\n    speed: 30\n    heading: 90\n    update: 50ms\n    handover: {rule: nearest, hysteresis: 2dB, time_to_trigger: 250ms, interruption: 20ms, mode: restart}\n" + TwoStations);

        var m = spec.Mobility;
        Assert.Equal((0.05, AssociationRule.Nearest, 2.0, 0.25, 0.02, true), (m.Update, m.Rule, m.HysteresisDb, m.TimeToTrigger, m.Interruption, m.Restart));
        var path = m.Trajectory!(1, new Point(3, 4), new Random(1));
        Assert.IsType<LinearTrajectory>(path);
        Assert.Equal(4 + 60.0, path.At(2).Y, 1e-9);
        Assert.Null(m.Trajectory(2, new Point(3, 4), new Random(1)));
    }

    [Fact]
    public void Given_coverage_by_signal_to_noise_ratio_Then_its_decibels_reach_admission_and_none_means_no_limit()
    {
        using var dir = new TempScenario();
        var set = Spec(dir, TwoStations.Replace("count: 2\n", "count: 2\n  coverage_snr: -3.5dB\n", StringComparison.Ordinal));
        var unset = Spec(dir, TwoStations);

        Assert.Equal(-3.5, set.Admission.CoverageSnrDb);
        Assert.True(set.Admission.Enabled);
        Assert.Equal(double.NegativeInfinity, unset.Admission.CoverageSnrDb);
        Assert.False(unset.Admission.Enabled);
    }

    [Fact]
    public void Given_a_mobility_trace_Then_the_named_ue_follows_its_points_interpolated_and_the_others_stand_still()
    {
        using var dir = new TempScenario();
        dir.Write("paths.csv", "time,ue,x,y\n0,0,0,0\n# a comment\n10,0,100,50\n20,0,100,50\n");
        var spec = Spec(dir, "ues:\n  count: 2\n  mobility: {kind: trace, file: paths.csv}\n" + TwoStations);

        var path = spec.Mobility.Trajectory!(0, default, new Random(1))!;
        Assert.Equal(new Point(25, 12.5), path.At(2.5));
        Assert.Equal(new Point(100, 50), path.At(15));
        Assert.Equal(new Point(100, 50), path.At(1e6));
        Assert.Null(spec.Mobility.Trajectory(1, default, new Random(1)));
    }

    [Fact]
    public void Given_bad_lines_in_the_mobility_trace_When_loaded_Then_each_error_names_the_file_line_and_column()
    {
        using var dir = new TempScenario();
        dir.Write("paths.csv", "time,ue,x,y\n0,0,0,0\n5,0,1,1\n4,0,1,1\n6,7,1,1\n6,0,east,1\n1,0\n");
        dir.Write("s.yaml", "ues:\n  count: 2\n  mobility: {kind: trace, file: paths.csv}\n" + TwoStations);

        var errors = dir.Errors("s.yaml");

        Assert.Equal(
            [
                "paths.csv:4:1: ues.mobility.file: time '4' (expected a time no earlier than UE 0's previous point at 5 s)",
                "paths.csv:5:3: ues.mobility.file: ue '7' (expected a UE index from 0 to 1)",
                "paths.csv:6:5: ues.mobility.file: x 'east' (expected a finite coordinate in metres)",
                "paths.csv:7:1: ues.mobility.file: expected time,ue,x,y, found 2 fields: '1,0'",
            ],
            errors);
    }

    [Fact]
    public void Given_shadowing_with_moving_ues_When_loaded_Then_it_is_refused_with_the_reason()
    {
        using var dir = new TempScenario();
        dir.Write("s.yaml", "channel: {shadowing: 8dB}\nues:\n  mobility: {kind: random_waypoint, speed_min: 3, speed_max: 1}\n" + TwoStations);

        var errors = dir.Errors("s.yaml");

        Assert.Contains(errors, e => e.StartsWith("s.yaml:1:", StringComparison.Ordinal) && e.Contains("channel.shadowing: shadowing is drawn once per UE-station pair", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("s.yaml:3:", StringComparison.Ordinal) && e.Contains("ues.mobility.speed_max: speed_max 1 is below speed_min 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_shipped_highway_When_it_runs_Then_cars_are_handed_over_between_neighbouring_stations()
    {
        var result = NetSim.Network.Scenario.ScenarioLoader.Load(Path.Combine(Repo.Root, "scenarios", "mobility", "highway.yaml"), []);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var recorder = new ListRecorder();
        var run = WorldBuilder.Build(NetSim.Network.Scenario.ScenarioMapper.ToSpec(result.Scenario!, 1), _ => new NearestPolicy(), recorder);

        run.Run();

        Assert.True(run.World.Mobile);
        Assert.Equal(run.World.Handovers, recorder.Handovers.Count);
        Assert.True(recorder.Handovers.Count > 10, $"{recorder.Handovers.Count} handovers");
        Assert.All(recorder.Handovers, h => Assert.True(Math.Abs(h.From - h.To) == 1, $"a car on a straight road passes stations in order: {h}"));
        Assert.Equal(run.World.Created, recorder.Tasks.Count);
    }
}
