using NetSim.Network.Building;
using NetSim.Network.Compute;
using NetSim.Network.Geometry;
using NetSim.Network.Policies;
using NetSim.Network.Radio;
using NetSim.Network.Scheduling;
using NetSim.Network.Tasks;

namespace NetSim.Network.Tests.World;

/// <summary>Processor sharing, partial offloading, epochs, energy and diffusion quality, each worked out by hand.</summary>
public class FeatureTests
{
    private static readonly RadioSettings Instant = new(ChannelKind.Ideal, 1e15, Specs.PathLoss, 1e-13, false, false, 0, 0);

    private static WorldSpec Base(IReadOnlyList<TraceArrival> trace, AigcModel model, int ues = 1) => Specs.Points(
        Enumerable.Range(0, ues).Select(i => new Point(10 + i, 0)).ToArray(),
        [new Point(0, 0)],
        trace,
        [model],
        [Specs.Type(model, 1e6)]) with { Radio = Instant, EdgeRate = 1e9 };

    [Fact]
    public void Given_processor_sharing_When_two_equal_jobs_overlap_Then_each_runs_at_half_rate_while_both_are_in()
    {
        // Job A (1 s of work alone) arrives at 0, job B at 0.5: A has 0.5 s of work left and
        // shares the core until it ends at 0.5 + 2 * 0.5 = 1.5; B, with 0.5 s done by then, ends at 2.0.
        var model = Specs.FixedModel(serverOps: 1e9);
        var spec = Base([new TraceArrival(0, 0, 0, double.NaN), new TraceArrival(0.5, 0, 0, double.NaN)], model) with { EdgeDiscipline = Discipline.ProcessorSharing };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new NearestPolicy(), recorder).Run();

        Assert.Equal(1.5, recorder.Task(0).ServiceEnd, 1e-6);
        Assert.Equal(2.0, recorder.Task(1).ServiceEnd, 1e-6);
    }

    [Fact]
    public void Given_partial_offloading_Then_the_task_ends_when_both_parts_do_and_energy_adds_up()
    {
        // 40% on the device: 0.4 * 50 MFLOP at 300 MFLOPS; 60% to the edge: 0.6 * 1.2 Mbit over the
        // Shannon uplink, then 0.6 * 200 MFLOP at 15 GFLOPS.
        var model = Specs.FixedModel();
        var spec = Specs.Points([new Point(100, 0)], [new Point(0, 0)], [new TraceArrival(0, 0, 0, double.NaN)], [model], [Specs.Type(model, 1.2e6)]) with
        {
            Options = Specs.Options(partial: true),
            UeKappa = 1e-27,
        };
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new FixedPolicy(t => Assignment.Edge(t.Id, 0, 0.6)), recorder).Run();

        var local = 0.4 * 50e6 / 300e6;
        var upload = 0.6 * 1.2e6 / (Specs.Bandwidth * Math.Log2(1 + (Specs.TxPowerW * Specs.Gain(100) / Specs.NoiseW)));
        var remote = upload + (0.6 * 200e6 / 15e9);
        var task = recorder.Task(0);
        Assert.Equal(Math.Max(local, remote), task.Latency, 1e-12);
        Assert.Equal(0.6, task.OffloadRatio);
        Assert.Equal((0.4 * 50e6) + (0.6 * 200e6), task.WorkFlops, 1e-3);
        var energy = (1e-27 * 300e6 * 300e6 * 0.4 * 50e6) + (Specs.TxPowerW * upload);
        Assert.Equal(energy, task.EnergyJ, 1e-15);
    }

    [Fact]
    public void Given_slot_epochs_Then_tasks_are_decided_together_at_the_next_slot_boundary()
    {
        var model = Specs.FixedModel();
        var spec = Base([new TraceArrival(0.013, 0, 0, double.NaN), new TraceArrival(0.017, 1, 0, double.NaN), new TraceArrival(0.020, 0, 0, double.NaN)], model, ues: 2) with
        {
            Options = Specs.Options(epoch: EpochKind.Slot),
        };
        var batches = new List<(double Now, int Count)>();
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new FixedPolicy(Assignment.Local, batches), recorder).Run();

        Assert.Equal([(0.02, 3)], batches.Select(b => (Math.Round(b.Now, 9), b.Count)));
        Assert.All(recorder.Tasks, t => Assert.Equal(0.02, t.Decided, 1e-12));
    }

    [Fact]
    public void Given_a_batch_epoch_Then_each_ue_has_one_task_decided_at_time_zero()
    {
        var model = Specs.FixedModel();
        var spec = Base([], model, ues: 4) with { Options = Specs.Options(epoch: EpochKind.Batch) };
        var batches = new List<(double Now, int Count)>();
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new FixedPolicy(Assignment.Local, batches), recorder).Run();

        Assert.Equal([(0.0, 4)], batches);
        Assert.Equal([0, 1, 2, 3], recorder.Tasks.Select(t => t.Ue).Order());
    }

    [Fact]
    public void Given_a_diffusion_model_Then_time_is_steps_times_step_time_and_quality_follows_the_utility_law()
    {
        // 30 steps at 1 ms a step on the edge; utility 1 - exp(-30 * 0.1).
        var model = new AigcModel(0, "sd", 1e9, WorkKind.Diffusion, 0, 0, 0, 0.002, 0.001);
        var spec = Base([new TraceArrival(0, 0, 0, double.NaN)], model);
        var recorder = new ListRecorder();

        WorldBuilder.Build(spec, _ => new FixedPolicy(t => Assignment.Edge(t.Id, 0) with { Steps = 30 }), recorder).Run();

        var task = recorder.Task(0);
        Assert.Equal(0.030, task.ServiceEnd - task.ServiceStart, 1e-12);
        Assert.Equal(1 - Math.Exp(-3.0), task.Quality, 1e-12);
    }

    private sealed class FixedPolicy(Func<TaskView, Assignment> decide, List<(double Now, int Count)>? batches = null) : IPolicy
    {
        public FixedPolicy(Func<long, Assignment> decide, List<(double Now, int Count)>? batches = null)
            : this(t => decide(t.Id), batches)
        {
        }

        public string Name => "fixed";

        public IReadOnlyList<Assignment> Decide(Observation observation, IReadOnlyList<TaskView> batch)
        {
            batches?.Add((observation.Now, batch.Count));
            return batch.Select(decide).ToArray();
        }
    }
}
